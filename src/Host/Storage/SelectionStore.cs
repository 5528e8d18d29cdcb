using Microsoft.Data.Sqlite;

namespace Elfs.Host.Storage;

/// <summary>The scores and queue of each run.</summary>
public sealed class SelectionStore(ElfsStore store)
{
    /// <summary>Stores the run's scores and queue (replacing any partial earlier attempt).</summary>
    public void Save(SqliteConnection c, SqliteTransaction tx, string runId, IReadOnlyList<StoredScore> scores, IReadOnlyList<QueueEntry> queue)
    {
        Sql.Execute(c, tx, "DELETE FROM scores WHERE run_id = $r", ("$r", runId));
        Sql.Execute(c, tx, "DELETE FROM queue WHERE run_id = $r", ("$r", runId));
        using (var command = Sql.Command(c, tx,
                   "INSERT INTO scores(run_id, external_id, pseudo_label, confidence, aum, forgetting, el2n, selected, rank, reason, duplicate_of) " +
                   "VALUES($r, $id, $k, $c, $a, $f, $e, $s, $rank, $reason, $dup)",
                   ("$r", runId), ("$id", ""), ("$k", 0), ("$c", 0.0), ("$a", 0.0), ("$f", 0), ("$e", 0.0), ("$s", 0), ("$rank", null),
                   ("$reason", null), ("$dup", null)))
        {
            foreach (var s in scores)
            {
                command.Parameters["$id"].Value = s.ExternalId;
                command.Parameters["$k"].Value = s.PseudoLabel;
                command.Parameters["$c"].Value = (double)s.Confidence;
                command.Parameters["$a"].Value = (double)s.Aum;
                command.Parameters["$f"].Value = s.Forgetting;
                command.Parameters["$e"].Value = (double)s.El2n;
                command.Parameters["$s"].Value = s.Selected ? 1 : 0;
                command.Parameters["$rank"].Value = (object?)s.Rank ?? DBNull.Value;
                command.Parameters["$reason"].Value = (object?)s.Reason ?? DBNull.Value;
                command.Parameters["$dup"].Value = (object?)s.DuplicateOf ?? DBNull.Value;
                command.ExecuteNonQuery();
            }
        }
        using var q = Sql.Command(c, tx,
            "INSERT INTO queue(run_id, rank, external_id, score, pseudo_label, reason, kept_from) VALUES($r, $rank, $id, $s, $k, $reason, $kept)",
            ("$r", runId), ("$rank", 0), ("$id", ""), ("$s", 0.0), ("$k", 0), ("$reason", ""), ("$kept", null));
        foreach (var e in queue)
        {
            q.Parameters["$rank"].Value = e.Rank;
            q.Parameters["$id"].Value = e.ExternalId;
            q.Parameters["$s"].Value = e.Score;
            q.Parameters["$k"].Value = e.PseudoLabel;
            q.Parameters["$reason"].Value = e.Reason;
            q.Parameters["$kept"].Value = (object?)e.KeptFrom ?? DBNull.Value;
            q.ExecuteNonQuery();
        }
    }

    /// <summary>The run's scores.</summary>
    public IReadOnlyList<StoredScore> Scores(string runId) =>
        store.Read(c => Sql.Query(c, null,
            "SELECT external_id, pseudo_label, confidence, aum, forgetting, el2n, selected, rank, reason, duplicate_of FROM scores " +
            "WHERE run_id = $r ORDER BY external_id",
            r => new StoredScore(r.GetString(0), r.GetInt32(1), (float)r.GetDouble(2), (float)r.GetDouble(3), r.GetInt32(4),
                (float)r.GetDouble(5), r.GetInt32(6) == 1, r.IsDBNull(7) ? null : r.GetInt32(7), Sql.NullableString(r, 8), Sql.NullableString(r, 9)),
            ("$r", runId)));

    /// <summary>The run's queue in rank order.</summary>
    public IReadOnlyList<QueueEntry> Queue(string runId) =>
        store.Read(c => Sql.Query(c, null,
            "SELECT rank, external_id, score, pseudo_label, reason, kept_from FROM queue WHERE run_id = $r ORDER BY rank",
            r => new QueueEntry(r.GetInt32(0), r.GetString(1), r.GetDouble(2), r.GetInt32(3), r.GetString(4), Sql.NullableString(r, 5)),
            ("$r", runId)));
}
