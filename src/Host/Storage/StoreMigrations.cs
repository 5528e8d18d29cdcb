using Microsoft.Data.Sqlite;

namespace Elfs.Host.Storage;

/// <summary>
/// The store's schema, as numbered migrations applied in order; <c>PRAGMA user_version</c> records the last applied.
/// A migration is never edited once released: a change is a new migration.
/// </summary>
public static class StoreMigrations
{
    /// <summary>Every migration; index i brings the schema from version i to i + 1.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: items, runs, scores, push ledger.
        """
        CREATE TABLE items(
            project TEXT NOT NULL, external_id TEXT NOT NULL, image_ref TEXT NOT NULL, content_hash TEXT,
            labeled INTEGER NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
            PRIMARY KEY(project, external_id));
        CREATE TABLE runs(
            id TEXT PRIMARY KEY, project TEXT NOT NULL, state TEXT NOT NULL, started TEXT NOT NULL, updated TEXT NOT NULL,
            finished TEXT, params TEXT NOT NULL, timings TEXT, metrics TEXT, error TEXT);
        CREATE INDEX runs_by_project ON runs(project, started);
        CREATE TABLE scores(
            run_id TEXT NOT NULL, external_id TEXT NOT NULL, pseudo_label INTEGER NOT NULL, confidence REAL NOT NULL,
            aum REAL NOT NULL, forgetting INTEGER NOT NULL, el2n REAL NOT NULL, selected INTEGER NOT NULL, rank INTEGER,
            PRIMARY KEY(run_id, external_id));
        CREATE TABLE push_ledger(
            run_id TEXT PRIMARY KEY, project TEXT NOT NULL, started TEXT NOT NULL, finished TEXT, attempts INTEGER NOT NULL,
            queued INTEGER, rejected TEXT, location TEXT);
        """,
        // 2: run candidates, the pushed queue, the trigger of a run, and the per-project run guard.
        """
        ALTER TABLE runs ADD COLUMN trigger TEXT NOT NULL DEFAULT 'manual';
        CREATE TABLE run_items(
            run_id TEXT NOT NULL, external_id TEXT NOT NULL, image_ref TEXT NOT NULL, content_hash TEXT, vector_key TEXT,
            error TEXT, PRIMARY KEY(run_id, external_id));
        CREATE TABLE queue(
            run_id TEXT NOT NULL, rank INTEGER NOT NULL, external_id TEXT NOT NULL, score REAL NOT NULL,
            pseudo_label INTEGER NOT NULL, reason TEXT NOT NULL, kept_from TEXT, PRIMARY KEY(run_id, rank));
        CREATE TABLE project_locks(project TEXT PRIMARY KEY, owner TEXT NOT NULL, acquired TEXT NOT NULL);
        """,
        // 3: CVAT frames placed in our batch tasks (never candidates again).
        """
        CREATE TABLE cvat_placements(
            project TEXT NOT NULL, external_id TEXT NOT NULL, run_id TEXT NOT NULL, task_id INTEGER NOT NULL, placed TEXT NOT NULL,
            PRIMARY KEY(project, external_id));
        """,
        // 4: the engine's readable reason per scored item, and the item a dropped near-duplicate copies.
        """
        ALTER TABLE scores ADD COLUMN reason TEXT;
        ALTER TABLE scores ADD COLUMN duplicate_of TEXT;
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => All.Count;

    /// <summary>Brings the database to <see cref="CurrentVersion"/> (or to <paramref name="targetVersion"/>), one transaction per step.</summary>
    public static int Apply(SqliteConnection connection, int? targetVersion = null)
    {
        var target = targetVersion ?? CurrentVersion;
        var version = Version(connection);
        if (version > CurrentVersion)
            throw new InvalidOperationException(
                $"the database is at schema version {version}, newer than this program's {CurrentVersion}; use a newer elfs or another Elfs:Storage:Path");
        for (; version < target; version++)
        {
            using var tx = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = All[version] + $"\nPRAGMA user_version = {version + 1};";
            command.ExecuteNonQuery();
            tx.Commit();
        }
        return version;
    }

    /// <summary>The schema version of the database.</summary>
    public static int Version(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
