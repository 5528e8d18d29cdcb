namespace Elfs.Connector.LabelStudio.Api;

/// <summary>One page of <c>GET /api/tasks/</c>: <c>total</c> is the filtered count.</summary>
internal sealed record LsTaskPage(int Total, List<LsTask> Tasks);
