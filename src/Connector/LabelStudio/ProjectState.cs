using Elfs.Connector.LabelStudio.Api;

namespace Elfs.Connector.LabelStudio;

/// <summary>A project as the preflight found it: the project, its image key and class count, and what the admin should fix.</summary>
internal sealed record ProjectState(LsProject Project, string ImageKey, int? ClassCount, IReadOnlyList<string> Warnings);
