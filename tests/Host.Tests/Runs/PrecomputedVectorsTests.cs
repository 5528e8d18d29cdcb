using Elfs.Engine.IO;
using Elfs.Host.Embedding;
using Elfs.Host.Storage;

namespace Elfs.Host.Tests.Runs;

public sealed class PrecomputedVectorsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Npy_round_trips_and_ids_key_the_rows()
    {
        var path = _temp.File("vectors.npy");
        NpyFile.Write(path, [1f, 2, 3, 4, 5, 6], 3, 2);
        File.WriteAllLines(_temp.File("vectors.ids.txt"), ["a", "b", "c"]);
        var back = NpyFile.Read(path);
        Assert.Equal((3, 2), (back.Rows, back.Cols));
        Assert.Equal([1f, 2, 3, 4, 5, 6], back.Data);
        var (vectors, dim) = PrecomputedVectors.Load(path);
        Assert.Equal(2, dim);
        Assert.Equal([3f, 4], vectors["b"]);
    }

    [Fact]
    public void Csv_ids_in_quotes_may_hold_commas_quotes_and_line_breaks()
    {
        var path = _temp.File("q.csv");
        File.WriteAllText(path, "id,x,y\n\"a,b.png\",1,2\n\"say \"\"hi\"\".png\",3,4\n\"two\nlines.png\",5,6\n plain.png ,7,8\n");

        var (vectors, dim) = PrecomputedVectors.Load(path);
        var engine = Elfs.Engine.Encoders.PrecomputedVectors.Load(path);

        Assert.Equal(2, dim);
        string[] ids = ["a,b.png", "say \"hi\".png", "two\nlines.png", "plain.png"];
        Assert.Equal(ids, engine.Ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal), vectors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([5f, 6], vectors["two\nlines.png"]);
        Assert.Equal([5f, 6], engine.Get("two\nlines.png").ToArray());
    }

    [Fact]
    public void An_unclosed_quote_and_a_bad_escape_name_the_file_and_line()
    {
        var csv = _temp.File("bad.csv");
        File.WriteAllText(csv, "a.png,1\n\"b.png,2\n");
        Assert.Contains($"{csv} line 2: a quoted field is never closed", Assert.Throws<InvalidDataException>(() => PrecomputedVectors.Load(csv)).Message);
        var npy = _temp.File("v.npy");
        NpyFile.Write(npy, [1f, 2], 2, 1);
        File.WriteAllLines(_temp.File("v.ids.txt"), [Elfs.Engine.Encoders.VectorIdsFile.Header, "ok", "bad\\q"]);
        Assert.Contains("v.ids.txt line 3: '\\q' is not an escape", Assert.Throws<InvalidDataException>(() => PrecomputedVectors.Load(npy)).Message);
    }

    [Fact]
    public async Task The_precomputed_stage_embeds_by_item_id_and_reports_missing_ones()
    {
        File.WriteAllLines(_temp.File("v.csv"), ["id,x,y", "a.png,1,0", "b.png,0,1"]);
        using var stage = new PrecomputedEmbeddingStage(_temp.File("v.csv"));
        RunItem[] candidates = [new("a.png", "", null, null, null), new("b.png", "", null, null, null), new("c.png", "", null, null, null)];
        var outcome = await stage.EmbedAsync(null!, candidates, null, CancellationToken.None);
        Assert.Equal(["a.png", "b.png", null], outcome.Items.Select(i => i.VectorKey));
        Assert.Contains("no precomputed vector", outcome.Items[2].Error);
        Assert.Equal(2, outcome.Reused);
        var (matrix, labeled) = stage.Load(outcome.Items.Take(1).ToList(), [new("b.png", "", null, null, null), new("z.png", "", null, null, null)]);
        Assert.Equal([1f, 0, 0, 1], matrix.Data);
        Assert.Equal(2, matrix.Rows);
        Assert.Equal(["b.png"], labeled.Select(i => i.VectorKey));
    }

    [Fact]
    public void Bad_files_name_the_file_and_line()
    {
        File.WriteAllLines(_temp.File("bad.csv"), ["a,1,2", "b,1"]);
        Assert.Contains("bad.csv:2: 1 values where earlier lines have 2", Assert.Throws<InvalidDataException>(() => PrecomputedVectors.Load(_temp.File("bad.csv"))).Message);
        NpyFile.Write(_temp.File("noids.npy"), [1f, 2], 1, 2);
        Assert.Contains("ids file", Assert.Throws<InvalidDataException>(() => PrecomputedVectors.Load(_temp.File("noids.npy"))).Message);
    }

    public void Dispose() => _temp.Dispose();
}
