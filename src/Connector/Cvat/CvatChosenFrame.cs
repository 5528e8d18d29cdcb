namespace Elfs.Connector.Cvat;

/// <summary>A queued pool frame resolved for a push.</summary>
/// <param name="Id">Pool task and frame.</param>
/// <param name="SourceName">The frame's name in the pool task (share path or cloud key when stored there).</param>
/// <param name="FileName">The name it gets in the batch task: the source name by reference, a unique name on re-upload.</param>
/// <param name="Rank">Queue rank (1 = first).</param>
/// <param name="Reason">Why it was chosen, for the annotation guide.</param>
internal sealed record CvatChosenFrame(CvatItemId Id, string SourceName, string FileName, int Rank, string Reason);
