using Elfs.Host.Storage;
using Microsoft.Data.Sqlite;

namespace Elfs.Host.Tests.Storage;

public sealed class MigrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private static List<string> Tables(SqliteConnection c)
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var r = command.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
            names.Add(r.GetString(0));
        return names;
    }

    [Fact]
    public void An_empty_database_gets_every_table_in_wal_mode()
    {
        var store = new ElfsStore(_temp.File("new.db"));
        using var c = store.Open();
        Assert.Equal(StoreMigrations.CurrentVersion, StoreMigrations.Version(c));
        Assert.Equal(["cvat_placements", "items", "project_locks", "push_ledger", "queue", "run_items", "runs", "scores"], Tables(c));
        using var mode = c.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)mode.ExecuteScalar()!);
    }

    [Fact]
    public void An_older_database_is_migrated_keeping_its_rows()
    {
        var path = _temp.File("old.db");
        using (var c = new SqliteConnection($"Data Source={path}"))
        {
            c.Open();
            Assert.Equal(1, StoreMigrations.Apply(c, targetVersion: 1));
            using var insert = c.CreateCommand();
            insert.CommandText =
                "INSERT INTO runs(id, project, state, started, updated, finished, params) VALUES('r1', 'p', 'done', '2026-01-01T02:00:00.0000000+00:00', '2026-01-01T02:05:00.0000000+00:00', '2026-01-01T02:05:00.0000000+00:00', '{}');" +
                "INSERT INTO items(project, external_id, image_ref, labeled, first_seen, last_seen) VALUES('p', 'a.png', '/x/a.png', 0, 't', 't');";
            insert.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        var store = new ElfsStore(path);
        var runs = new RunStore(store);
        var run = Assert.Single(runs.List());
        Assert.Equal(("r1", RunState.Done, "manual"), (run.Id, run.State, run.Trigger));
        Assert.Equal((1, 0), new ItemStore(store).Counts("p"));
        using var c2 = store.Open();
        Assert.Equal(StoreMigrations.CurrentVersion, StoreMigrations.Version(c2));
        Assert.Contains("queue", Tables(c2));
    }

    [Fact]
    public void A_database_from_a_newer_program_is_refused_with_a_clear_message()
    {
        var path = _temp.File("future.db");
        using (var c = new SqliteConnection($"Data Source={path}"))
        {
            c.Open();
            using var command = c.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {StoreMigrations.CurrentVersion + 5}";
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var e = Assert.Throws<InvalidOperationException>(() => new ElfsStore(path).EnsureReady());
        Assert.Contains("newer than this program", e.Message);
        Assert.Contains("Elfs:Storage:Path", e.Message);
    }

    [Fact]
    public void Opening_twice_applies_nothing_again()
    {
        var path = _temp.File("twice.db");
        new ElfsStore(path).EnsureReady();
        var store = new ElfsStore(path);
        Assert.Equal(StoreMigrations.CurrentVersion, store.Read(StoreMigrations.Version));
    }

    public void Dispose() => _temp.Dispose();
}
