namespace Elfs.Connector;

/// <summary>The result of a connectivity and configuration check.</summary>
/// <param name="Description">What was reached, e.g. "Label Studio 1.22.0, project 7 'Cats' (1,204 tasks)".</param>
/// <param name="ClassCount">The number of classes the tool's label configuration defines, when it defines one.</param>
/// <param name="Warnings">Settings the admin should change, each saying what and where.</param>
public sealed record ToolCheck(string Description, int? ClassCount, IReadOnlyList<string> Warnings);
