namespace Elfs.Host.Configuration;

/// <summary><c>Elfs:Storage</c>: the SQLite file and where reports go.</summary>
public sealed class StorageOptions
{
    /// <summary>The SQLite file holding items, embeddings, runs, scores and the push ledger. Default <c>data/elfs.db</c>.</summary>
    public string Path { get; set; } = "data/elfs.db";

    /// <summary>Folder for the per-run HTML reports. Default: <c>reports</c> next to <see cref="Path"/>.</summary>
    public string? ReportsPath { get; set; }

    /// <summary>How embeddings are stored: <c>float32</c> (default) or <c>float16</c> (half the size).</summary>
    public string EmbeddingPrecision { get; set; } = "float32";

    /// <summary>The reports folder, resolved.</summary>
    public string ResolvedReportsPath =>
        string.IsNullOrWhiteSpace(ReportsPath)
            ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".", "reports")
            : System.IO.Path.GetFullPath(ReportsPath);
}
