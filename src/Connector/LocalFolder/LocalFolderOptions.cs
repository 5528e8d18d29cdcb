namespace Elfs.Connector.LocalFolder;

/// <summary>Where a LocalFolder project reads images and writes its queue.</summary>
public sealed class LocalFolderOptions
{
    /// <summary>The folder of images (searched recursively, except the output folder).</summary>
    public required string Folder { get; init; }

    /// <summary>Where queue.csv and queue.json go. Default: <c>elfs-queue</c> inside <see cref="Folder"/>.</summary>
    public string? OutputPath { get; init; }

    /// <summary>The file listing labeled images, one path relative to <see cref="Folder"/> per line. Default <c>labeled.txt</c> in Folder.</summary>
    public string? LabeledFile { get; init; }

    /// <summary>Largest image read, in bytes. Default 50 MB.</summary>
    public long MaxImageBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>The output folder, resolved.</summary>
    public string ResolvedOutputPath => Path.GetFullPath(string.IsNullOrWhiteSpace(OutputPath) ? Path.Combine(Folder, "elfs-queue") : OutputPath);

    /// <summary>The labeled-list file, resolved.</summary>
    public string ResolvedLabeledFile => Path.GetFullPath(string.IsNullOrWhiteSpace(LabeledFile) ? Path.Combine(Folder, "labeled.txt") : LabeledFile);
}
