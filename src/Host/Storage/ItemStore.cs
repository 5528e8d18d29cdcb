using Elfs.Connector;
using Microsoft.Data.Sqlite;

namespace Elfs.Host.Storage;

/// <summary>The items table (every item of every project) and each run's candidates.</summary>
public sealed class ItemStore(ElfsStore store)
{
    /// <summary>Inserts or refreshes <paramref name="items"/> of <paramref name="project"/> (labeled flag, image ref, last seen).</summary>
    public void Upsert(SqliteConnection c, SqliteTransaction tx, string project, IEnumerable<SourceItem> items, DateTimeOffset now)
    {
        using var command = Sql.Command(c, tx,
            "INSERT INTO items(project, external_id, image_ref, labeled, first_seen, last_seen) VALUES($p, $id, $ref, $l, $now, $now) " +
            "ON CONFLICT(project, external_id) DO UPDATE SET image_ref = excluded.image_ref, labeled = excluded.labeled, last_seen = excluded.last_seen, " +
            "content_hash = CASE WHEN items.image_ref = excluded.image_ref THEN items.content_hash ELSE NULL END",
            ("$p", project), ("$id", ""), ("$ref", ""), ("$l", 0), ("$now", Sql.Time(now)));
        foreach (var item in items)
        {
            command.Parameters["$id"].Value = item.ExternalId;
            command.Parameters["$ref"].Value = item.ImageRef;
            command.Parameters["$l"].Value = item.IsLabeled ? 1 : 0;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Records the run's candidates.</summary>
    public void AddCandidates(SqliteConnection c, SqliteTransaction tx, string runId, IEnumerable<SourceItem> candidates)
    {
        using var command = Sql.Command(c, tx,
            "INSERT OR REPLACE INTO run_items(run_id, external_id, image_ref) VALUES($r, $id, $ref)", ("$r", runId), ("$id", ""), ("$ref", ""));
        foreach (var item in candidates)
        {
            command.Parameters["$id"].Value = item.ExternalId;
            command.Parameters["$ref"].Value = item.ImageRef;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Records what embedding gave each candidate, and the content hash on the project's item.</summary>
    public void SetEmbedded(SqliteConnection c, SqliteTransaction tx, string project, string runId, IEnumerable<RunItem> items)
    {
        using var run = Sql.Command(c, tx,
            "UPDATE run_items SET content_hash = $h, vector_key = $k, error = $e WHERE run_id = $r AND external_id = $id",
            ("$h", null), ("$k", null), ("$e", null), ("$r", runId), ("$id", ""));
        using var item = Sql.Command(c, tx,
            "UPDATE items SET content_hash = $h WHERE project = $p AND external_id = $id AND $h IS NOT NULL", ("$h", null), ("$p", project), ("$id", ""));
        foreach (var i in items)
        {
            run.Parameters["$h"].Value = (object?)i.ContentHash ?? DBNull.Value;
            run.Parameters["$k"].Value = (object?)i.VectorKey ?? DBNull.Value;
            run.Parameters["$e"].Value = (object?)i.Error ?? DBNull.Value;
            run.Parameters["$id"].Value = i.ExternalId;
            run.ExecuteNonQuery();
            item.Parameters["$h"].Value = (object?)i.ContentHash ?? DBNull.Value;
            item.Parameters["$id"].Value = i.ExternalId;
            item.ExecuteNonQuery();
        }
    }

    /// <summary>The run's candidates in a stable order.</summary>
    public IReadOnlyList<RunItem> Candidates(string runId) =>
        store.Read(c => Sql.Query(c, null,
            "SELECT external_id, image_ref, content_hash, vector_key, error FROM run_items WHERE run_id = $r ORDER BY external_id",
            r => new RunItem(r.GetString(0), r.GetString(1), Sql.NullableString(r, 2), Sql.NullableString(r, 3), Sql.NullableString(r, 4)),
            ("$r", runId)));

    /// <summary>The project's labeled items, in a stable order (their content hash when an earlier run embedded them).</summary>
    public IReadOnlyList<RunItem> Labeled(string project) =>
        store.Read(c => Sql.Query(c, null,
            "SELECT external_id, image_ref, content_hash FROM items WHERE project = $p AND labeled = 1 ORDER BY external_id",
            r => new RunItem(r.GetString(0), r.GetString(1), Sql.NullableString(r, 2), null, null),
            ("$p", project)));

    /// <summary>Item counts of a project: all, labeled.</summary>
    public (int Total, int Labeled) Counts(string project) =>
        store.Read(c => Sql.Query(c, null,
            "SELECT COUNT(*), COALESCE(SUM(labeled), 0) FROM items WHERE project = $p COLLATE NOCASE",
            r => (r.GetInt32(0), r.GetInt32(1)), ("$p", project)).Single());
}
