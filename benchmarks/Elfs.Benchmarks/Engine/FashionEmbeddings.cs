using Elfs.Engine.IO;

namespace Elfs.Benchmarks.Engine;

/// <summary>PCA-128 of Fashion-MNIST training pixels, cached as .npy under /tmp (the built-in encoder can replace it).</summary>
internal static class FashionEmbeddings
{
    public const int Components = 128;

    public static NpyMatrix Load(FashionMnist train)
    {
        var cache = Path.Combine(Path.GetTempPath(), $"elfs-fmnist-pca{Components}.npy");
        if (File.Exists(cache)) return NpyFile.Read(cache);
        var projected = Pca.Project(train.Images, train.Count, FashionMnist.Pixels, Components);
        NpyFile.Write(cache, projected, train.Count, Components);
        return new NpyMatrix(projected, train.Count, Components);
    }
}
