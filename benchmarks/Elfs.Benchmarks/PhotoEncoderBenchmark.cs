using System.Diagnostics;
using System.Globalization;
using Elfs.Engine.Encoders;
using Elfs.Engine.Imaging;
using Elfs.Engine.IO;
using Elfs.Host.Storage;
using Microsoft.ML.OnnxRuntime;

namespace Elfs.Benchmarks;

/// <summary>
/// Issue 14: the pretrained ResNet-18 (ONNX, batch fixed at 1). (1) Inference options on the same prepared inputs,
/// interleaved over rounds, beside the GEMM-bound rate measured in the same run: one session with single-threaded
/// concurrent Runs (what the encoder does), one session with intra-op threads and sequential Runs, one session per
/// thread, and (for the other way) TorchVision's resnet18 in TorchSharp with random weights (same architecture and
/// FLOPs as the package's) on batches of 16. (2) Cold (decode + resize + encode into a fresh SQLite cache) and warm (reopened cache) images/s of
/// <c>resnet18</c> on JPEG crops of the real photos. (3) 20-NN label agreement on Fashion-MNIST test images, resnet18 vs
/// builtin (HOG). Options: --images N (default 96), --rounds R (2), --fashion N (2000; 0 skips), --threads T (all cores).
/// Each figure is printed with the load average at that moment (the machine is shared).
/// </summary>
internal static class PhotoEncoderBenchmark
{
    // ResNet-18 at 224 x 224: 1.814 G multiply-adds per image (torchvision's count), 2 FLOP each.
    private const double GflopPerImage = 2 * 1.814;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var threads = EncoderQualityBenchmark.IntOption(args, "--threads", Environment.ProcessorCount);
        EngineRuntime.Configure(threads);
        var count = EncoderQualityBenchmark.IntOption(args, "--images", 96);
        var rounds = EncoderQualityBenchmark.IntOption(args, "--rounds", 2);
        var fashion = EncoderQualityBenchmark.IntOption(args, "--fashion", 2000);
        Console.WriteLine(string.Create(C, $"{Environment.ProcessorCount} cores, {threads} threads, ONNX Runtime {OrtEnv.Instance().GetVersionString()}; load average {Load()}"));
        var files = PhotoCrops(count);
        Console.WriteLine(string.Create(C, $"{files.Length} JPEG crops (320x240 to 640x480) of skimage's photos, {files.Sum(f => (long)f.Length) / 1e6:F1} MB"));
        var gemm = Gemm("before");
        InferenceOptions(files, threads, rounds);
        ColdAndWarm(files);
        var gemmAfter = Gemm("after");
        Console.WriteLine(string.Create(C, $"GEMM-bound rate: {Math.Max(gemm, gemmAfter):F1} GFLOP/s / {GflopPerImage:F2} GFLOP per image = {Math.Max(gemm, gemmAfter) / GflopPerImage:F1} images/s " +
                                           $"(the issue's 1.8 GFLOP per image counts multiply-adds: {Math.Max(gemm, gemmAfter) / 1.814:F1} images/s by that count)"));
        if (fashion > 0) FashionAgreement(fashion);
        return 0;
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static double Gemm(string when)
    {
        var g = EngineRuntime.MeasureGemmGflops(1024);
        Console.WriteLine(string.Create(C, $"GEMM 1024^2 float32 (TorchSharp, best of 5) {when}: {g:F1} GFLOP/s  [load {Load()}]"));
        return g;
    }

    // Seeded crops of the real photos, so every file is distinct (its own content hash).
    private static byte[][] PhotoCrops(int count)
    {
        const string dir = "/usr/lib/python3/dist-packages/skimage/data";
        string[] names = ["astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "motorcycle_left.png", "hubble_deep_field.jpg", "retina.jpg", "immunohistochemistry.png"];
        var photos = names.Where(n => File.Exists(Path.Combine(dir, n)))
            .Select(n => ImageDecoder.Decode([File.ReadAllBytes(Path.Combine(dir, n))], new ImageDecodeOptions { Resize = 480 })).ToArray();
        var random = new Random(0);
        var files = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var p = photos[i % photos.Length];
            int w = random.Next(320, Math.Min(640, p.Width) + 1), h = Math.Min(p.Height, w * 3 / 4);
            int x0 = random.Next(0, p.Width - w + 1), y0 = random.Next(0, p.Height - h + 1), plane = p.Width * p.Height;
            var rgb = new byte[w * h * 3];
            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                    for (var c = 0; c < 3; c++) rgb[(y * w + x) * 3 + c] = (byte)(p.Pixels[c * plane + (y0 + y) * p.Width + x0 + x] * 255 + 0.5f);
            files[i] = ImageWriter.Encode(rgb, w, h, 3, ImageFileFormat.Jpeg, 90);
        }
        return files;
    }

    private static void InferenceOptions(byte[][] files, int threads, int rounds)
    {
        var model = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");
        var decoded = ImageDecoder.Decode([.. files.Select(f => (ReadOnlyMemory<byte>)f)], new ImageDecodeOptions { Resize = 224, Crop = 224 });
        var inputs = Enumerable.Range(0, decoded.Count).Select(i => decoded.Item(i).ToArray().Select(v => v * 255f - 120f).ToArray()).ToArray();
        SessionOptions Options(int intra, bool arena = true)
        {
            var o = new SessionOptions { IntraOpNumThreads = intra, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, EnableCpuMemArena = arena };
            o.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            return o;
        }
        using var single = new InferenceSession(model, Options(1));
        using var intra = new InferenceSession(model, Options(threads));
        using var noArena = new InferenceSession(model, Options(1, arena: false));
        var perThread = Enumerable.Range(0, threads).Select(_ => new InferenceSession(model, Options(1))).ToArray();
        void RunOne(InferenceSession s, int i)
        {
            using var value = OrtValue.CreateTensorValueFromMemory(inputs[i], [1, 3, 224, 224]);
            using var runOptions = new RunOptions();
            using var result = s.Run(runOptions, ["Input247"], [value], ["Pooling395_Output_0"]);
        }
        using var torchVision = torchvision.models.resnet18();
        torchVision.eval();
        using var batches = torch.tensor(inputs.SelectMany(v => v).ToArray(), [inputs.Length, 3, 224, 224]);
        void RunTorchVision()
        {
            using var noGrad = torch.no_grad();
            for (var start = 0; start < inputs.Length; start += 16)
            {
                using var scope = torch.NewDisposeScope();
                torchVision.forward(batches.narrow(0, start, Math.Min(16, inputs.Length - start)));
            }
        }
        (string Name, Action Run)[] options =
        [
            ($"1 session, intra-op 1, {threads} concurrent Runs (the encoder)", () => Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => RunOne(single, i))),
            ($"1 session without CPU memory arena, intra-op 1, {threads} concurrent Runs", () => Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => RunOne(noArena, i))),
            ($"1 session, intra-op {threads}, sequential Runs", () => { for (var i = 0; i < inputs.Length; i++) RunOne(intra, i); }),
            ($"{threads} sessions, intra-op 1 each, in parallel", () => Parallel.For(0, threads, k => { for (var i = k; i < inputs.Length; i += threads) RunOne(perThread[k], i); })),
            ($"TorchVision resnet18 (TorchSharp), batch 16, {torch.get_num_threads()} threads", RunTorchVision),
        ];
        // Warm-up: the first Run of a session allocates its buffers.
        RunOne(single, 0);
        RunOne(intra, 0);
        RunOne(noArena, 0);
        foreach (var s in perThread) RunOne(s, 0);
        RunTorchVision();
        Console.WriteLine($"ResNet-18 inference only, {inputs.Length} prepared 3x224x224 inputs, {rounds} interleaved rounds:");
        for (var r = 0; r < rounds; r++)
            foreach (var (name, run) in options)
            {
                var load = Load();
                var clock = Stopwatch.StartNew();
                run();
                var s = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(C, $"  round {r + 1}: {name,-55} {inputs.Length / s,6:F1} images/s = {inputs.Length * GflopPerImage / s,6:F1} GFLOP/s  [load {load} -> {Load()}]"));
            }
        foreach (var s in perThread) s.Dispose();
    }

    private static void ColdAndWarm(byte[][] files)
    {
        var directory = Directory.CreateTempSubdirectory("elfs-bench-").FullName;
        var db = Path.Combine(directory, "elfs.db");
        try
        {
            double Time(string name)
            {
                using var encoder = new ResNet18Encoder(torch.CPU);
                using var cache = new EmbeddingCache(db);
                var load = Load();
                var clock = Stopwatch.StartNew();
                var outcome = new CachedEmbedder(encoder, cache, 64).EmbedAsync(files.Length, (i, _) => ValueTask.FromResult<ReadOnlyMemory<byte>>(files[i])).GetAwaiter().GetResult();
                var s = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(C, $"resnet18 {name,-28} {files.Length / s,9:F1} images/s  ({s:F2} s; from cache {outcome.CacheHits}, encoded {outcome.Encoded}, failed {outcome.Errors.Count(e => e is not null)}; {encoder.Description})  [load {load} -> {Load()}]"));
                return s;
            }
            var cold = Time("cold (decode+resize+encode)");
            var warm = Time("warm (reopened cache)");
            Console.WriteLine(string.Create(C, $"warm/cold speed-up {cold / warm:F0}x"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void FashionAgreement(int count)
    {
        var data = FashionMnist.Load("test", count);
        var labels = data.Labels.Select(l => (int)l).ToArray();
        var files = new byte[data.Count][];
        Parallel.For(0, data.Count, i => files[i] = ImageWriter.Encode(data.Image(i).Span, 28, 28, 1, ImageFileFormat.Png));
        Console.WriteLine(string.Create(C, $"Fashion-MNIST test, first {data.Count} images (PNG, 28x28 gray; resnet18 upscales to 224 and reads gray as R=G=B), 20-NN cosine label agreement over every image:"));
        foreach (var (name, create) in new (string, Func<IImageEncoder>)[] { ("builtin (HOG)", () => new BuiltinEncoder()), ("resnet18", () => new ResNet18Encoder(torch.CPU)) })
        {
            using var encoder = create();
            var load = Load();
            var clock = Stopwatch.StartNew();
            var result = encoder.Encode([.. files.Select(f => (ReadOnlyMemory<byte>)f)]);
            var s = clock.Elapsed.TotalSeconds;
            using var x = torch.tensor(result.Vectors, [data.Count, encoder.Dimension]);
            var (agree, vote) = EmbeddingQuality.KnnAgreement(x, labels, 20, data.Count, 0);
            Console.WriteLine(string.Create(C, $"  {name,-14} {encoder.Dimension,4}-d  20-NN agreement {agree:F3}, vote {vote:F3}; encoded in {s:F1} s ({data.Count / s:F1} images/s)  [load {load} -> {Load()}]"));
        }
    }
}
