using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Elfs.Connector.LocalFolder;

/// <summary>
/// The embedded default tool: a folder of images in, the queue out as <c>queue.csv</c> (rank, path, score,
/// pseudo_label, reason) and <c>queue.json</c>. An image is labeled when its relative path is listed in the labeled
/// file. Pushing writes both files atomically; pushing the same run again leaves them unchanged.
/// </summary>
public sealed class LocalFolderTool(LocalFolderOptions options) : ILabelingTool
{
    /// <summary>File extensions read as images.</summary>
    public static readonly IReadOnlySet<string> ImageExtensions =
        new HashSet<string>([".png", ".jpg", ".jpeg", ".bmp", ".gif"], StringComparer.OrdinalIgnoreCase);

    private readonly string _folder = Path.GetFullPath(options.Folder);

    /// <summary>The queue.csv file.</summary>
    public string QueueCsvPath => Path.Combine(options.ResolvedOutputPath, "queue.csv");

    /// <summary>The queue.json file.</summary>
    public string QueueJsonPath => Path.Combine(options.ResolvedOutputPath, "queue.json");

    /// <inheritdoc />
    public int ReadConcurrency => Environment.ProcessorCount;

    /// <inheritdoc />
    public Task<ToolCheck> CheckAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_folder))
            throw new LabelingToolException($"LocalFolder: the folder '{_folder}' does not exist (setting Folder)");
        var images = ImageFiles().Count();
        var labeled = ReadLabeled();
        var warnings = new List<string>();
        var missing = labeled.Count(p => !File.Exists(Path.Combine(_folder, p)));
        if (missing > 0)
            warnings.Add($"{missing} path(s) in {options.ResolvedLabeledFile} are not images of the folder; they are ignored");
        if (images == 0)
            warnings.Add($"the folder '{_folder}' holds no .png/.jpg/.jpeg/.bmp/.gif images");
        return Task.FromResult(new ToolCheck(
            string.Create(CultureInfo.InvariantCulture, $"folder {_folder} ({images} images, {labeled.Count} listed as labeled)"), null, warnings));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceItem> ListItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var labeled = ReadLabeled();
        foreach (var file in ImageFiles())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = Relative(file);
            yield return new SourceItem(id, file, labeled.Contains(id), File.GetLastWriteTimeUtc(file));
        }
        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Stream> OpenImageAsync(SourceItem item, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(_folder, item.ExternalId));
        if (!path.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ItemUnavailableException(item.ExternalId, "the path leaves the folder");
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new ItemUnavailableException(item.ExternalId, "the file no longer exists");
        if (info.Length > options.MaxImageBytes)
            throw new ItemUnavailableException(item.ExternalId,
                string.Create(CultureInfo.InvariantCulture, $"the file has {info.Length} bytes, over the limit of {options.MaxImageBytes}"));
        try
        {
            return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ItemUnavailableException(item.ExternalId, e.Message, e);
        }
    }

    /// <inheritdoc />
    public async Task<PushReceipt> PushAsync(RunId run, IReadOnlyList<Priority> queue, CancellationToken cancellationToken)
    {
        var output = options.ResolvedOutputPath;
        Directory.CreateDirectory(output);
        var rejected = new List<RejectedItem>();
        var lines = new List<QueueLine>(queue.Count);
        foreach (var p in queue.OrderBy(p => p.Rank))
        {
            if (File.Exists(Path.Combine(_folder, p.ExternalId)))
                lines.Add(new QueueLine(lines.Count + 1, p.ExternalId, p.Score, p.PseudoClass, p.Reason));
            else
                rejected.Add(new RejectedItem(p.ExternalId, "the file no longer exists"));
        }
        var document = new QueueDocument(run.Value, _folder, lines);
        var json = JsonSerializer.Serialize(document, LocalFolderJsonContext.Default.QueueDocument);
        if (!File.Exists(QueueJsonPath) || await File.ReadAllTextAsync(QueueJsonPath, cancellationToken) != json || !File.Exists(QueueCsvPath))
        {
            await WriteAtomicAsync(QueueCsvPath, Csv(lines), cancellationToken);
            await WriteAtomicAsync(QueueJsonPath, json, cancellationToken);
        }
        return new PushReceipt(run, lines.Count, rejected, output);
    }

    /// <summary>Reads the queue.json written by the last push, or null when none exists.</summary>
    public QueueDocument? ReadQueue() =>
        File.Exists(QueueJsonPath) ? JsonSerializer.Deserialize(File.ReadAllText(QueueJsonPath), LocalFolderJsonContext.Default.QueueDocument) : null;

    /// <summary>
    /// The folder's images, in ordinal order of their paths. Symbolic links to folders are not followed (so a link
    /// loop cannot repeat the tree), and a file reached twice (a link to an image of the folder, or two links to one
    /// file) is listed once, under the first of its paths.
    /// </summary>
    private IEnumerable<string> ImageFiles()
    {
        var output = options.ResolvedOutputPath + Path.DirectorySeparatorChar;
        var walk = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var files = new List<string>();
        var folders = new Stack<string>([_folder]);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", walk))
            {
                if (entry is DirectoryInfo directory)
                {
                    if (directory.LinkTarget is null)
                        folders.Push(directory.FullName);
                }
                else if (ImageExtensions.Contains(entry.Extension) && !entry.FullName.StartsWith(output, StringComparison.Ordinal))
                {
                    files.Add(entry.FullName);
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return files.Where(f => seen.Add(RealPath(f)));
    }

    /// <summary>The file a path finally names (links resolved); the path itself when it is no link or the link is broken.</summary>
    private static string RealPath(string file)
    {
        var info = new FileInfo(file);
        if (info.LinkTarget is null)
            return Path.GetFullPath(file);
        try
        {
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file;
        }
        catch (IOException)
        {
            return file;
        }
    }

    private HashSet<string> ReadLabeled()
    {
        var file = options.ResolvedLabeledFile;
        if (!File.Exists(file))
            return new HashSet<string>(StringComparer.Ordinal);
        return File.ReadLines(file)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => Relative(Path.GetFullPath(Path.Combine(_folder, l))))
            .ToHashSet(StringComparer.Ordinal);
    }

    private string Relative(string fullPath) => Path.GetRelativePath(_folder, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private static string Csv(IEnumerable<QueueLine> lines)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("rank,path,score,pseudo_label,reason\n");
        foreach (var l in lines)
            sb.Append(c, $"{l.Rank},{Quote(l.Path)},{l.Score.ToString("0.######", c)},{l.PseudoLabel},{Quote(l.Reason)}\n");
        return sb.ToString();
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static async Task WriteAtomicAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, new UTF8Encoding(false), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
