namespace Elfs.Connector.Cvat;

/// <summary>One registered CVAT project: its options (validated when a tool is made) and the keys messages name.</summary>
internal sealed record CvatRegisteredProject(CvatOptions Options, CvatSettingKeys Keys);
