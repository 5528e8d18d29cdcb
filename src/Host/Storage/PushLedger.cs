using Microsoft.Data.Sqlite;

namespace Elfs.Host.Storage;

/// <summary>The push ledger: one row per run that pushed, with its attempts and receipt.</summary>
public sealed class PushLedger(ElfsStore store)
{
    /// <summary>Records that a push attempt starts (committed before the tool is called).</summary>
    public void BeginAttempt(string runId, string project, DateTimeOffset now) =>
        store.InTransaction((c, tx) => Sql.Execute(c, tx,
            "INSERT INTO push_ledger(run_id, project, started, attempts) VALUES($r, $p, $now, 1) " +
            "ON CONFLICT(run_id) DO UPDATE SET attempts = attempts + 1",
            ("$r", runId), ("$p", project), ("$now", Sql.Time(now))));

    /// <summary>Records the receipt, in the transaction that moves the run to Pushed.</summary>
    public void Complete(SqliteConnection c, SqliteTransaction tx, string runId, int queued, string rejectedJson, string location, DateTimeOffset now) =>
        Sql.Execute(c, tx, "UPDATE push_ledger SET finished = $now, queued = $q, rejected = $rej, location = $loc WHERE run_id = $r",
            ("$now", Sql.Time(now)), ("$q", queued), ("$rej", rejectedJson), ("$loc", location), ("$r", runId));

    /// <summary>The run's ledger row, or null when it never pushed.</summary>
    public PushRecord? Get(string runId) =>
        store.Read(c => Sql.Query(c, null,
            "SELECT run_id, project, started, finished, attempts, queued, rejected, location FROM push_ledger WHERE run_id = $r",
            r => new PushRecord(r.GetString(0), r.GetString(1), Sql.ParseTime(r.GetString(2)), Sql.NullableTime(r, 3), r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetInt32(5), Sql.NullableString(r, 6), Sql.NullableString(r, 7)),
            ("$r", runId)).FirstOrDefault());
}
