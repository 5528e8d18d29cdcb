using Elfs.Connector;
using Elfs.Connector.Cvat;
using Elfs.Host.Storage;

namespace Elfs.Host.Tools;

/// <summary>The CVAT connector's placement ledger, kept in the store (table cvat_placements), per project.</summary>
public sealed class StoreCvatPlacementLedger(ElfsStore store, string project) : ICvatPlacementLedger
{
    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, RunId>> GetPlacedItemsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, RunId>>(store.Read(c => Sql.Query(c, null,
            "SELECT external_id, run_id FROM cvat_placements WHERE project = $p", r => (r.GetString(0), new RunId(r.GetString(1))), ("$p", project)))
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal));

    /// <inheritdoc />
    public Task RecordPlacementAsync(RunId run, int taskId, IReadOnlyList<string> externalIds, CancellationToken cancellationToken)
    {
        store.InTransaction((c, tx) =>
        {
            using var command = Sql.Command(c, tx,
                "INSERT OR REPLACE INTO cvat_placements(project, external_id, run_id, task_id, placed) VALUES($p, $id, $r, $t, $now)",
                ("$p", project), ("$id", ""), ("$r", run.Value), ("$t", taskId), ("$now", Sql.Time(DateTimeOffset.UtcNow)));
            foreach (var id in externalIds)
            {
                command.Parameters["$id"].Value = id;
                command.ExecuteNonQuery();
            }
        });
        return Task.CompletedTask;
    }
}
