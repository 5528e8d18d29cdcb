using Microsoft.Data.Sqlite;

namespace Elfs.Host.Storage;

/// <summary>
/// The SQLite file holding the host's state (WAL, busy timeout, migrated on open). Each call opens its own pooled
/// connection, so the store is safe to use from several threads and processes at once.
/// </summary>
public sealed class ElfsStore
{
    private readonly string _connectionString;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and applies pending migrations.</summary>
    public ElfsStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, DefaultTimeout = 30, Pooling = true }.ToString();
        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        StoreMigrations.Apply(connection);
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string Path { get; }

    /// <summary>Opens a connection with the store's pragmas set.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (BEGIN IMMEDIATE: writers queue, never deadlock) and commits it.</summary>
    public T InTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction(deferred: false);
        var result = work(connection, tx);
        tx.Commit();
        return result;
    }

    /// <summary>Runs <paramref name="work"/> in one committed transaction.</summary>
    public void InTransaction(Action<SqliteConnection, SqliteTransaction> work) =>
        InTransaction((c, t) =>
        {
            work(c, t);
            return 0;
        });

    /// <summary>Runs a read on its own connection.</summary>
    public T Read<T>(Func<SqliteConnection, T> read)
    {
        using var connection = Open();
        return read(connection);
    }
}
