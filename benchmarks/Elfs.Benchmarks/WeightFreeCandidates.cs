using Elfs.Engine.Encoders;

namespace Elfs.Benchmarks;

/// <summary>The weight-free encoder candidates measured by <see cref="EncoderQualityBenchmark"/>, on N x 28 x 28 pixels in [0,1].</summary>
internal static class WeightFreeCandidates
{
    public static Tensor Pixels(Tensor images) => images.flatten(1);

    public static Tensor Hog(Tensor images) => BatchedRows(images, 5000, OnArrays((x, n, side) => HogFeatures.Compute(x, n, side)));

    public static Tensor BuiltinDefault(Tensor images, BuiltinEncoder encoder) =>
        BatchedRows(images, 5000, OnArrays((x, n, _) => encoder.EncodePixels(x, n)));

    // Runs an array-based feature function (N x S x S floats in, N x D floats out) on a tensor batch.
    private static Func<Tensor, Tensor> OnArrays(Func<float[], int, int, float[]> features) => batch =>
    {
        var n = (int)batch.shape[0];
        var result = features(batch.contiguous().ToArray<float>(), n, (int)batch.shape[^1]);
        return torch.tensor(result, [n, result.Length / Math.Max(1, n)]);
    };

    /// <summary>HOG features times a seeded Gaussian projection of another width (same generator as the built-in's).</summary>
    public static Tensor HogProjected(Tensor images, int dims, ulong seed)
    {
        using var projection = torch.tensor(SeededProjection.Create(HogFeatures.Dimension, dims, seed), [HogFeatures.Dimension, dims]);
        return BatchedRows(images, 5000, batch =>
        {
            using var hog = OnArrays((x, n, side) => HogFeatures.Compute(x, n, side))(batch);
            return hog.mm(projection);
        });
    }

    /// <summary>PCA to <paramref name="components"/> fitted on these rows (float64 covariance, symmetric eigendecomposition).</summary>
    public static Tensor Pca(Tensor x, int components)
    {
        using var scope = torch.NewDisposeScope();
        var mean = x.mean([0], keepdim: true);
        var centred = x - mean;
        var c64 = centred.to(ScalarType.Float64);
        var covariance = c64.t().mm(c64) / (x.shape[0] - 1);
        var (_, vectors) = torch.linalg.eigh(covariance);
        var top = vectors.flip([1]).narrow(1, 0, components).to(ScalarType.Float32);
        return scope.MoveToOuter(centred.mm(top));
    }

    /// <summary>Seeded random conv net (64 5x5 -> ReLU -> max-pool 2 -> 128 3x3 -> ReLU -> max-pool 2 -> 4x4 avg-pool): 2048 values.</summary>
    public static Tensor RandomConv(Tensor images, ulong seed)
    {
        using var g = new Generator(seed, torch.CPU);
        using var w1 = Filters(64, 1, 5, g);
        using var w2 = Filters(128, 64, 3, g);
        return BatchedRows(images, 1000, batch =>
        {
            using var scope = torch.NewDisposeScope();
            var x = ((batch - 0.286) / 0.353).unsqueeze(1);
            var h = torch.nn.functional.max_pool2d(torch.nn.functional.conv2d(x, w1, padding: [2, 2]).relu(), 2);
            h = torch.nn.functional.max_pool2d(torch.nn.functional.conv2d(h, w2, padding: [1, 1]).relu(), 2);
            return scope.MoveToOuter(torch.nn.functional.adaptive_avg_pool2d(h, [4, 4]).flatten(1));
        });
    }

    private static Tensor Filters(long outChannels, long inChannels, long size, Generator g)
    {
        using var scope = torch.NewDisposeScope();
        var w = torch.randn([outChannels, inChannels * size * size], generator: g);
        w = w - w.mean([1], keepdim: true);
        w = torch.nn.functional.normalize(w, 2, 1);
        return scope.MoveToOuter(w.view([outChannels, inChannels, size, size]));
    }

    private static Tensor BatchedRows(Tensor images, long batch, Func<Tensor, Tensor> map)
    {
        var parts = new List<Tensor>();
        try
        {
            for (long start = 0; start < images.shape[0]; start += batch)
            {
                using var slice = images.narrow(0, start, Math.Min(batch, images.shape[0] - start));
                parts.Add(map(slice));
            }
            return torch.cat(parts, 0);
        }
        finally
        {
            foreach (var p in parts) p.Dispose();
        }
    }
}
