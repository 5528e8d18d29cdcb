using Elfs.Benchmarks.Engine;
using FashionMnist = Elfs.Benchmarks.Engine.FashionMnist;
using Elfs.Engine.Encoders;
using Elfs.Engine.IO;

namespace Elfs.Benchmarks.Quality;

/// <summary>
/// A seeded pool of Fashion-MNIST training images with their true labels (for evaluation only) and the built-in
/// encoder's vectors of them, cached as .npy under the cache folder.
/// </summary>
internal sealed record QualityPool(FashionMnist Images, float[] Vectors, int Dim)
{
    public int Count => Images.Count;

    public static QualityPool Load(int size, string cacheFolder)
    {
        var all = FashionMnist.Load(train: true);
        size = Math.Min(size, all.Count);
        var picked = Enumerable.Range(0, all.Count).ToArray();
        BenchmarkSeeds.Random(0, "quality-pool").Shuffle(picked);
        picked = picked[..size];
        Array.Sort(picked);
        var images = new float[size * FashionMnist.Pixels];
        for (var i = 0; i < size; i++)
            all.Images.AsSpan(picked[i] * FashionMnist.Pixels, FashionMnist.Pixels).CopyTo(images.AsSpan(i * FashionMnist.Pixels));
        var pool = new FashionMnist(images, picked.Select(i => all.Labels[i]).ToArray(), size);
        var cache = Path.Combine(cacheFolder, $"pool{size}-builtin.npy");
        if (File.Exists(cache))
        {
            var stored = NpyFile.Read(cache);
            return new QualityPool(pool, stored.Data, stored.Cols);
        }
        using var encoder = new BuiltinEncoder();
        var vectors = encoder.EncodePixels(images, size);
        NpyFile.Write(cache, vectors, size, encoder.Dimension);
        return new QualityPool(pool, vectors, encoder.Dimension);
    }
}
