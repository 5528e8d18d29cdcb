using Elfs.Engine.IO;
using Elfs.Engine.Tests.Elfs;
using Elfs.Host.Cli;

namespace Elfs.Host.Tests.Cli;

public sealed class SelectCommandReasonTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("elfs-reason-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void SelectionCsvCarriesDuplicateOfAndAQuotedReasonForEverySelectedRow()
    {
        var m = GaussianMixture.Create(clusters: 3, dim: 8, perCluster: 40, ambiguous: 0);
        var data = m.Data.Concat(m.Data.AsSpan(0, 5 * m.Dim).ToArray()).ToArray(); // rows 0..4 copied at the end
        var rows = m.Rows + 5;
        var embeddings = Path.Combine(directory, "e.npy");
        NpyFile.Write(embeddings, data, rows, m.Dim);
        var output = Path.Combine(directory, "selection.csv");
        var error = new StringWriter();

        var code = SelectCommand.Run(new SelectArguments(embeddings, 3, 0.6, null, 0.1, "elfs", "cpu", 1, "cpu", output), error, TestProfiles.Tiny);

        Assert.True(code == 0, error.ToString());
        var lines = File.ReadAllLines(output);
        Assert.Equal("index,selected,rank,pseudo_label,confidence,aum,forgetting,el2n,duplicate_of,reason", lines[0]);
        var fields = lines.Skip(1).Select(l => l.Split(',', 10)).ToList();
        Assert.All(fields.Where(f => f[1] == "1"), f =>
        {
            Assert.StartsWith($"\"pseudo-class {f[3]} (", f[9]);
            Assert.EndsWith("\"", f[9]);
        });
        var duplicates = fields.Where(f => f[8] != "").ToList();
        Assert.All(duplicates, f => Assert.Equal($"\"near-duplicate of item {f[8]}: dropped so the budget goes to a distinct item\"", f[9]));
        Assert.Contains($"{duplicates.Count} near-duplicates dropped", error.ToString());
        Assert.Equal((int)Math.Round(0.6 * rows, MidpointRounding.AwayFromZero), fields.Count(f => f[1] == "1"));
    }
}
