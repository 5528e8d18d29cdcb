using Microsoft.Data.Sqlite;

namespace Elfs.Host.Storage;

/// <summary>
/// The SQLite file holding the host's state (WAL, busy timeout, migrated on first use). Each call opens its own pooled
/// connection, so the store is safe to use from several threads and processes at once. Nothing touches the file
/// before the first use (so checking a configuration creates no store); the first use checks it with
/// <c>PRAGMA quick_check</c> and throws <see cref="StoreDamagedException"/>, before writing anything, when it is damaged.
/// </summary>
public sealed class ElfsStore
{
    private readonly string _connectionString;
    private readonly Lazy<bool> _ready;

    /// <summary>Names the store at <paramref name="path"/>; it is created (or checked and migrated) on first use.</summary>
    public ElfsStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, DefaultTimeout = 30, Pooling = true }.ToString();
        _ready = new Lazy<bool>(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string Path { get; }

    /// <summary>Creates the file if needed, checks it and applies pending migrations (once); throws <see cref="StoreDamagedException"/> when it is damaged.</summary>
    public void EnsureReady() => _ = _ready.Value;

    /// <summary>Opens a connection with the store's pragmas set.</summary>
    public SqliteConnection Open()
    {
        EnsureReady();
        return OpenRaw();
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private bool Initialize()
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        StoreIntegrity.Guard(Path, () =>
        {
            using var connection = OpenRaw();
            StoreIntegrity.Check(connection, Path);
            using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                wal.ExecuteNonQuery();
            }
            StoreMigrations.Apply(connection);
        });
        return true;
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
