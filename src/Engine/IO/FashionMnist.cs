namespace Elfs.Engine.IO;

/// <summary>Fashion-MNIST from the IDX files of Debian's dataset-fashion-mnist package.</summary>
public static class FashionMnist
{
    /// <summary>Where Debian installs the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Reads the <c>train</c> (60,000) or <c>test</c> (10,000) split, at most <paramref name="limit"/> images.</summary>
    public static FashionMnistSplit Load(string split, int? limit = null, string directory = DefaultDirectory)
    {
        var prefix = split switch
        {
            "train" => "train",
            "test" => "t10k",
            _ => throw new ArgumentException($"Fashion-MNIST split '{split}' is not known; allowed: train, test"),
        };
        var imagesPath = Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz");
        if (!File.Exists(imagesPath))
            throw new FileNotFoundException($"Fashion-MNIST file '{imagesPath}' is missing; install it with: apt-get install dataset-fashion-mnist", imagesPath);
        var (dims, pixels) = IdxFile.Read(imagesPath, limit);
        var (labelDims, labels) = IdxFile.Read(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte.gz"), limit);
        if (dims.Length != 3 || labelDims.Length != 1 || labelDims[0] != dims[0])
            throw new InvalidDataException($"Fashion-MNIST {split}: images [{string.Join(", ", dims)}] do not match labels [{string.Join(", ", labelDims)}]");
        return new FashionMnistSplit(pixels, labels, dims[0], dims[1], dims[2]);
    }
}
