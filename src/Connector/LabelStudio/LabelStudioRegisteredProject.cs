namespace Elfs.Connector.LabelStudio;

/// <summary>One registered Label Studio project: its options (validated when a tool is made) and its configuration section.</summary>
internal sealed record LabelStudioRegisteredProject(LabelStudioOptions Options, string SettingPrefix);
