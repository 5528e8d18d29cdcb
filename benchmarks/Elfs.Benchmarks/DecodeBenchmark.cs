using System.Diagnostics;
using System.Globalization;
using Elfs.Engine.Imaging;

namespace Elfs.Benchmarks;

/// <summary>
/// Decode + preprocess throughput on photo-sized files: seeded synthetic W x H RGB images saved as JPEG (quality 90) and
/// PNG, decoded in batches of 64 to 224 x 224 (shorter side resize, bicubic antialiased, center crop, ImageNet
/// normalisation), as a TorchScript encoder's input. Options: --count N, --width W, --height H.
/// </summary>
internal static class DecodeBenchmark
{
    public static int Run(string[] args)
    {
        EngineRuntime.Configure(null);
        var count = EncoderQualityBenchmark.IntOption(args, "--count", 256);
        var width = EncoderQualityBenchmark.IntOption(args, "--width", 1024);
        var height = EncoderQualityBenchmark.IntOption(args, "--height", 768);
        var options = new ImageDecodeOptions { Resize = 224, Crop = 224, Mean = [0.485f, 0.456f, 0.406f], Std = [0.229f, 0.224f, 0.225f] };
        foreach (var format in new[] { ImageFileFormat.Jpeg, ImageFileFormat.Png })
        {
            var files = new byte[count][];
            Parallel.For(0, count, i => files[i] = ImageWriter.Encode(Synthetic(width, height, i), width, height, 3, format, 90));
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var start = 0; start < count; start += 64)
            {
                var batch = files.Skip(start).Take(64).Select(f => (ReadOnlyMemory<byte>)f).ToList();
                var decoded = ImageDecoder.Decode(batch, options);
                if (decoded.Succeeded != batch.Count) throw new InvalidOperationException(decoded.Errors.First(e => e is not null));
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format,-4} {count} x {width}x{height} ({files.Average(f => f.Length) / 1e3:F0} kB avg) -> 3x224x224: {seconds:F2} s, {count / seconds:F1} images/s, {count * (double)width * height / seconds / 1e6:F1} MP/s, CPU {cpuSeconds:F2} s, {torch.get_num_threads()} threads"));
        }
        return 0;
    }

    // Smooth colour gradients plus seeded noise: compresses like a photo, not like a flat test card.
    private static byte[] Synthetic(int width, int height, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 3];
        random.NextBytes(pixels);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 3;
                pixels[o] = (byte)((x * 255 / width + pixels[o] / 8 + seed) & 0xFF);
                pixels[o + 1] = (byte)((y * 255 / height + pixels[o + 1] / 8) & 0xFF);
                pixels[o + 2] = (byte)(((x + y) * 128 / (width + height) + pixels[o + 2] / 8) & 0xFF);
            }
        return pixels;
    }
}
