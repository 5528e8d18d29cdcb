using Elfs.Engine.Selection;
using Elfs.Engine.IO;
using Elfs.Engine.Tests.Elfs;
using Elfs.Host.Cli;

namespace Elfs.Host.Tests.Cli;

public sealed class SelectCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("elfs-select-").FullName;

    private string Out => Path.Combine(directory, "selection.csv");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string WriteNpy(float[] data, int rows, int cols)
    {
        var path = Path.Combine(directory, "e.npy");
        NpyFile.Write(path, data, rows, cols);
        return path;
    }

    private string WriteCsv(string text)
    {
        var path = Path.Combine(directory, "e.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private (int Code, string Error) Run(string embeddings, int clusters = 2, double? fraction = 0.2, int? count = null, double beta = 0.1, string method = "elfs")
    {
        var error = new StringWriter();
        var code = SelectCommand.Run(new SelectArguments(embeddings, clusters, fraction, count, beta, method, "cpu", 1, "cpu", Out), error, TestProfiles.Tiny);
        return (code, error.ToString());
    }

    private void AssertBadInput((int Code, string Error) result, params string[] expected)
    {
        Assert.Equal(2, result.Code);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        foreach (var e in expected) Assert.Contains(e, line);
        Assert.False(File.Exists(Out));
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
    }

    private static float[] Mixture(out int rows, out int dim)
    {
        var m = GaussianMixture.Create(perCluster: 40, ambiguous: 0, clusters: 3, dim: 8);
        (rows, dim) = (m.Rows, m.Dim);
        return m.Data;
    }

    [Fact]
    public void WritesOneRowPerItemWithTheDocumentedColumns()
    {
        var data = Mixture(out var rows, out var dim);
        var (code, error) = Run(WriteNpy(data, rows, dim), clusters: 3, fraction: 0.25);
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(Out);
        Assert.Equal("index,selected,rank,pseudo_label,confidence,aum,forgetting,el2n,duplicate_of,reason", lines[0]);
        Assert.Equal(rows + 1, lines.Length);
        var selected = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[1] == "1").ToList();
        Assert.Equal(30, selected.Count);
        Assert.Equal(Enumerable.Range(1, 30), selected.Select(f => int.Parse(f[2])).Order());
        Assert.All(lines.Skip(1).Select(l => l.Split(',')).Where(f => f[1] == "0"), f => Assert.Equal("", f[2]));
        Assert.Contains("pseudo_label", error);
        Assert.Contains("temi", error);
    }

    [Fact]
    public void ReadsCsvEmbeddings()
    {
        var data = Mixture(out var rows, out var dim);
        var text = string.Join("\n", Enumerable.Range(0, rows).Select(r => string.Join(",", data.AsSpan(r * dim, dim).ToArray().Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))));
        var (code, error) = Run(WriteCsv(text), clusters: 3, fraction: null, count: 10, method: "random");
        Assert.True(code == 0, error);
        Assert.Equal(10, File.ReadAllLines(Out).Skip(1).Count(l => l.Split(',')[1] == "1"));
    }

    [Fact]
    public void WrongDtype()
    {
        var path = Path.Combine(directory, "e.npy");
        var dict = "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }";
        var header = System.Text.Encoding.ASCII.GetBytes(dict.PadRight(64 - 11) + "\n");
        File.WriteAllBytes(path, [0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, 0, .. header, .. new byte[32]]);
        AssertBadInput(Run(path), "dtype '<i8'", "float32");
    }

    [Fact]
    public void RaggedCsv() => AssertBadInput(Run(WriteCsv("1,2,3\n4,5,6\n7,8\n1,1,1\n")), "line 3", "ragged");

    [Fact]
    public void NonNumericCsv() => AssertBadInput(Run(WriteCsv("a,b\n1,2\n")), "line 1", "not a number");

    [Fact]
    public void NaNRow()
    {
        var data = Mixture(out var rows, out var dim);
        data[5 * dim + 1] = float.NaN;
        AssertBadInput(Run(WriteNpy(data, rows, dim)), "row 5", "NaN");
    }

    [Fact]
    public void InfiniteRow() => AssertBadInput(Run(WriteCsv("1,2\n3,inf\n5,6\n7,8\n")), "row 1", "infinite");

    [Theory]
    [InlineData(1)]
    [InlineData(121)]
    public void ClustersOutOfRange(int k)
    {
        var data = Mixture(out var rows, out var dim);
        AssertBadInput(Run(WriteNpy(data, rows, dim), clusters: k), "--clusters", k.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0.0, 0.1)]
    [InlineData(0.95, 0.1)]
    [InlineData(0.7, 0.4)]
    public void FractionOutsideTheBudgetRange(double fraction, double beta)
    {
        var data = Mixture(out var rows, out var dim);
        AssertBadInput(Run(WriteNpy(data, rows, dim), fraction: fraction, beta: beta), "--fraction", "1 - Beta");
    }

    [Fact]
    public void CountAboveItemsLeftAfterBeta()
    {
        var data = Mixture(out var rows, out var dim);
        AssertBadInput(Run(WriteNpy(data, rows, dim), fraction: null, count: 109), "--count", "108");
    }

    [Fact]
    public void SeveralBudgetsAreScoredOnceAndWrittenOnePerFile()
    {
        var data = Mixture(out var rows, out var dim);
        var error = new StringWriter();
        var code = SelectCommand.Run(new SelectArguments(WriteNpy(data, rows, dim), 2, null, null, 0.1, "auto", "cpu", 1, "cpu", Out, Budgets: "0.1,30"),
            error, TestProfiles.Tiny);

        Assert.True(code == 0, error.ToString());
        Assert.False(File.Exists(Out));
        foreach (var (budget, expected) in new[] { ("0.1", BudgetCounts.RoundHalfUp(0.1, rows)), ("30", 30) })
        {
            var lines = File.ReadAllLines(Path.Combine(directory, $"selection.{budget}.csv"));
            Assert.Equal(rows + 1, lines.Length);
            Assert.Equal(expected, lines.Skip(1).Count(l => l.Split(',')[1] == "1" || l.Split(',')[1] == "true"));
        }
        Assert.Single(error.ToString().Split('\n'), l => l.StartsWith("[temi] 1/", StringComparison.Ordinal));
        Assert.Contains("strategy typical-per-group", error.ToString());
    }

    [Fact]
    public void ABadBudgetInTheListIsRefusedBeforeScoring()
    {
        var data = Mixture(out var rows, out var dim);
        var error = new StringWriter();
        var code = SelectCommand.Run(new SelectArguments(WriteNpy(data, rows, dim), 2, null, null, 0.1, "auto", "cpu", 1, "cpu", Out, Budgets: "0.1,1.5"),
            error, TestProfiles.Tiny);

        Assert.Equal(SelectCommand.BadInputExitCode, code);
        Assert.StartsWith("error: --budgets: '1.5'", error.ToString());
        Assert.Single(error.ToString().Trim().Split('\n'));
    }

    [Fact]
    public void MissingFile() => AssertBadInput(Run(Path.Combine(directory, "nope.npy")), "nope.npy", "does not exist");

    [Fact]
    public void UnknownMethod()
    {
        var data = Mixture(out var rows, out var dim);
        AssertBadInput(Run(WriteNpy(data, rows, dim), method: "kcenter"), "--method", "kcenter");
    }
}
