namespace Elfs.Host.Storage;

/// <summary>The push ledger's row for a run.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Project">Its project.</param>
/// <param name="Started">When the first push attempt began.</param>
/// <param name="Finished">When a push completed, if one did.</param>
/// <param name="Attempts">How many times the push was started (a resume after a crash counts again; the connector is idempotent).</param>
/// <param name="Queued">Items the tool queued.</param>
/// <param name="Rejected">Items the tool refused (JSON list of id and reason).</param>
/// <param name="Location">Where the admin sees the result.</param>
public sealed record PushRecord(string RunId, string Project, DateTimeOffset Started, DateTimeOffset? Finished, int Attempts, int? Queued, string? Rejected, string? Location);
