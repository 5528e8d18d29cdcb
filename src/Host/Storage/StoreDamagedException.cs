namespace Elfs.Host.Storage;

/// <summary>
/// The store's SQLite file is damaged (not a database, or <c>PRAGMA quick_check</c> finds errors). Nothing was written
/// to it; the message names the file and what to do.
/// </summary>
public sealed class StoreDamagedException : Exception
{
    /// <summary>Creates the exception for the file at <paramref name="path"/>; <paramref name="detail"/> is SQLite's finding.</summary>
    public StoreDamagedException(string path, string detail, Exception? inner = null)
        : base($"the store {path} is damaged ({detail}); nothing was written to it. Restore it from a backup, or move it aside " +
               $"(mv '{path}' '{path}.damaged') and run again: items are synced again and vectors recomputed", inner)
    {
        Path = path;
        Detail = detail;
    }

    /// <summary>The damaged file.</summary>
    public string Path { get; }

    /// <summary>What SQLite reported.</summary>
    public string Detail { get; }
}
