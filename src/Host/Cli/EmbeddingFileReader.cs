using Elfs.Engine.IO;

namespace Elfs.Host.Cli;

/// <summary>Reads an embeddings matrix from <c>.npy</c> (float32/float16, 2-D, C order) or <c>.csv</c>.</summary>
public static class EmbeddingFileReader
{
    /// <summary>Reads the file chosen by its extension; throws <see cref="InvalidDataException"/> or <see cref="FileNotFoundException"/> with a clear message.</summary>
    public static NpyMatrix Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"embeddings file '{path}' does not exist", path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".npy" => NpyFile.Read(path),
            ".csv" => CsvMatrixReader.Read(path),
            var other => throw new InvalidDataException($"{path}: extension '{other}' is not supported; use .npy or .csv"),
        };
    }
}
