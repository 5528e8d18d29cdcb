using Elfs.Engine.Imaging;
using Elfs.Engine.IO;
using Elfs.Host.Cli;
using Microsoft.Data.Sqlite;

namespace Elfs.Host.Tests.Cli;

public sealed class EmbedCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("elfs-embed-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static EmbedRequest Request(string? images, string output, string? cache, bool fashion = false, int? limit = null) =>
        new(images, fashion, "test", limit, "builtin", "cpu", cache, output, 2);

    private static (int Code, string Out, string Err) Run(EmbedRequest request)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = EmbedCommand.RunAsync(request, output, error).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Folder_is_embedded_in_a_stable_order_with_failures_reported_and_a_second_run_uses_the_cache()
    {
        var images = Path.Combine(directory, "images");
        Directory.CreateDirectory(Path.Combine(images, "sub"));
        var random = new Random(5);
        foreach (var name in new[] { "b.png", "a.bmp", "sub/c.png" })
        {
            var pixels = new byte[30 * 20 * 3];
            random.NextBytes(pixels);
            File.WriteAllBytes(Path.Combine(images, name), ImageWriter.Encode(pixels, 30, 20, 3, name.EndsWith(".bmp") ? ImageFileFormat.Bmp : ImageFileFormat.Png));
        }
        File.WriteAllText(Path.Combine(images, "broken.jpg"), "not, a jpeg");
        File.WriteAllText(Path.Combine(images, "notes.txt"), "ignored");
        var output = Path.Combine(directory, "out", "vectors.npy");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var cache = Path.Combine(directory, "elfs.db");

        var first = Run(Request(images, output, cache));

        Assert.Equal(0, first.Code);
        Assert.Contains("wrote 3 x 256 vectors", first.Out);
        Assert.Contains("0 from cache, 3 encoded", first.Out);
        Assert.Contains("failed: broken.jpg: not a supported image", first.Err);
        Assert.Contains("images/s", first.Err);
        var matrix = NpyFile.Read(output);
        Assert.Equal((3, 256), (matrix.Rows, matrix.Cols));
        Assert.Equal(["a.bmp", "b.png", "sub/c.png"], Elfs.Engine.Encoders.VectorIdsFile.Read(Path.Combine(directory, "out", "vectors.ids.txt")));
        var failures = File.ReadAllLines(Path.Combine(directory, "out", "failures.csv"));
        Assert.Equal("id,reason", failures[0]);
        Assert.StartsWith("broken.jpg,", failures[1]);
        Assert.Equal(2, failures.Length);

        var second = Run(Request(images, output, cache));

        Assert.Contains("3 from cache, 0 encoded", second.Out);
        Assert.Equal(matrix.Data, NpyFile.Read(output).Data);
    }

    [Fact]
    public void Fashion_mnist_split_is_embedded_with_ids_and_labels()
    {
        var output = Path.Combine(directory, "fm.npy");

        var result = Run(Request(null, output, null, fashion: true, limit: 40));

        Assert.Equal(0, result.Code);
        Assert.Equal((40, 256), (NpyFile.Read(output).Rows, NpyFile.Read(output).Cols));
        Assert.Equal("test/00000", Elfs.Engine.Encoders.VectorIdsFile.Read(Path.Combine(directory, "fm.ids.txt"))[0]);
        Assert.Equal(40, File.ReadAllLines(Path.Combine(directory, "fm.labels.txt")).Length);
    }

    [Fact]
    public void Bad_options_are_named()
    {
        var both = Run(Request(directory, Path.Combine(directory, "x.npy"), null, fashion: true));
        Assert.Equal(1, both.Code);
        Assert.Contains("exactly one of --images DIR or --fashion-mnist", both.Err);
        var encoder = Run(Request(directory, Path.Combine(directory, "x.npy"), null) with { Encoder = "clip:m.onnx" });
        Assert.Contains("allowed: builtin, resnet18, onnx:FILE, torchscript:FILE", encoder.Err);
        // An ONNX model without preprocessing metadata needs --mean; the error names the option.
        var model = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");
        var noMean = Run(Request(directory, Path.Combine(directory, "x.npy"), null) with { Encoder = "onnx:" + model });
        Assert.Contains("error: --mean: the ONNX model does not say three per-channel means", noMean.Err);
        var badOrder = Run(Request(directory, Path.Combine(directory, "x.npy"), null) with
        {
            Encoder = "onnx:" + model, Mean = "0.4,0.45,0.48", Std = "0.004,0.004,0.004", ChannelOrder = "grb",
        });
        Assert.Contains("error: --channel-order: 'grb' is not rgb or bgr", badOrder.Err);
        var missing = Run(Request(Path.Combine(directory, "nope"), Path.Combine(directory, "x.npy"), null));
        Assert.Contains("--images: folder", missing.Err);
    }

    [Fact]
    public void An_out_folder_that_does_not_exist_is_refused_and_not_created()
    {
        var images = Path.Combine(directory, "images");
        Directory.CreateDirectory(images);
        WriteImage(Path.Combine(images, "a.png"), 1);
        var output = Path.Combine(directory, "missing", "vectors.npy");

        var result = Run(Request(images, output, null));

        Assert.Equal(EmbedCommand.FailureExitCode, result.Code);
        Assert.Contains($"--out: directory '{Path.Combine(directory, "missing")}' does not exist", result.Err);
        Assert.False(Directory.Exists(Path.Combine(directory, "missing")));
    }

    [Fact]
    public void Ids_with_line_breaks_commas_quotes_and_non_ascii_read_back_row_for_row_as_precomputed_vectors()
    {
        var images = Path.Combine(directory, "images");
        Directory.CreateDirectory(images);
        string[] names = ["a\nb.png", "line\nbreak.png", "comma,name.png", "quote\"d.png", "ünï 画像.png", "back\\slash\\n.png", "z.png"];
        for (var i = 0; i < names.Length; i++)
            WriteImage(Path.Combine(images, names[i]), i);
        var output = Path.Combine(directory, "vectors.npy");

        var result = Run(Request(images, output, null));

        Assert.Equal(0, result.Code);
        var matrix = NpyFile.Read(output);
        var engine = Elfs.Engine.Encoders.PrecomputedVectors.Load(output);
        var (host, dim) = Elfs.Host.Embedding.PrecomputedVectors.Load(output);
        var expected = names.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, engine.Ids);
        Assert.Equal(matrix.Cols, dim);
        for (var row = 0; row < expected.Count; row++)
        {
            var vector = matrix.Data.AsSpan(row * matrix.Cols, matrix.Cols).ToArray();
            Assert.Equal(vector, engine.Get(expected[row]).ToArray());
            Assert.Equal(vector, host[expected[row]]);
        }
    }

    private static void WriteImage(string path, int seed)
    {
        var pixels = new byte[16 * 16 * 3];
        new Random(seed).NextBytes(pixels);
        File.WriteAllBytes(path, ImageWriter.Encode(pixels, 16, 16, 3, ImageFileFormat.Png));
    }
}
