using Elfs.Engine.Encoders;
using Elfs.Engine.IO;

namespace Elfs.Engine.Tests.Encoders;

public sealed class PrecomputedVectorsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("elfs-pre-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Csv_rows_are_keyed_by_id_with_an_optional_header()
    {
        var vectors = PrecomputedVectors.Load(Write("v.csv", "id,x,y\ncat-1,0.5,-1\ndog-2,2,3e-1\n"));
        Assert.Equal(2, vectors.Dimension);
        Assert.Equal(["cat-1", "dog-2"], vectors.Ids);
        Assert.Equal([2f, 0.3f], vectors.Get("dog-2").ToArray());
        Assert.True(vectors.Get("none").IsEmpty);
    }

    [Fact]
    public void Npy_reads_its_ids_file_and_the_fingerprint_follows_the_bytes()
    {
        var path = Path.Combine(directory, "v.npy");
        NpyFile.Write(path, new float[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
        File.WriteAllLines(Path.Combine(directory, "v.ids.txt"), ["a", "b", "c"]);
        var first = PrecomputedVectors.Load(path);
        Assert.Equal([5f, 6f], first.Get("c").ToArray());
        NpyFile.Write(path, new float[] { 1, 2, 3, 4, 5, 7 }, 3, 2);
        Assert.NotEqual(first.Fingerprint, PrecomputedVectors.Load(path).Fingerprint);
    }

    [Theory]
    [InlineData("a,1,2\nb,1\n", "line 2: 1 values, but earlier rows have 2")]
    [InlineData("a,1,2\nb,1,x\n", "line 2, column 3: 'x' is not a finite number")]
    [InlineData("a,1\na,2\n", "item id 'a' appears twice")]
    public void Bad_csv_names_the_line_and_the_problem(string text, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => PrecomputedVectors.Load(Write("bad.csv", text)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Npy_without_ids_or_with_a_count_mismatch_is_refused()
    {
        var path = Path.Combine(directory, "w.npy");
        NpyFile.Write(path, new float[] { 1, 2 }, 2, 1);
        Assert.Contains("w.ids.txt", Assert.Throws<FileNotFoundException>(() => PrecomputedVectors.Load(path)).Message);
        File.WriteAllLines(Path.Combine(directory, "w.ids.txt"), ["only-one"]);
        Assert.Contains("2 rows but", Assert.Throws<InvalidDataException>(() => PrecomputedVectors.Load(path)).Message);
    }
}
