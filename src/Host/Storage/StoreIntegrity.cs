using Microsoft.Data.Sqlite;

namespace Elfs.Host.Storage;

/// <summary>Checks a store file before anything is written to it: <c>PRAGMA quick_check</c> and the SQLite errors that mean damage.</summary>
public static class StoreIntegrity
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>Most problems quick_check lists in the message.</summary>
    private const int ShownProblems = 3;

    /// <summary>Throws <see cref="StoreDamagedException"/> naming <paramref name="path"/> unless quick_check on <paramref name="connection"/> says ok.</summary>
    public static void Check(SqliteConnection connection, string path)
    {
        var problems = new List<string>();
        Guard(path, () =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                problems.Add(reader.GetString(0));
        });
        if (problems.Count != 1 || problems[0] != "ok")
            throw new StoreDamagedException(path, "quick_check: " + string.Join("; ", problems.Take(ShownProblems)) +
                (problems.Count > ShownProblems ? $"; and {problems.Count - ShownProblems} more" : ""));
    }

    /// <summary>
    /// Checks the store file at <paramref name="path"/> read-only, without creating it: returns false when no file is
    /// there, throws <see cref="StoreDamagedException"/> when it is damaged.
    /// </summary>
    public static bool CheckExisting(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            return false;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        Guard(full, () =>
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            Check(connection, full);
        });
        return true;
    }

    /// <summary>Runs <paramref name="work"/>, turning SQLite's "corrupt" and "not a database" errors into <see cref="StoreDamagedException"/>.</summary>
    public static void Guard(string path, Action work)
    {
        try
        {
            work();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            throw new StoreDamagedException(path, e.Message.Replace("SQLite Error ", "SQLite error ", StringComparison.Ordinal).TrimEnd('.'), e);
        }
    }
}
