using Elfs.Engine.Clustering;

namespace Elfs.Engine.Tests.Elfs;

public sealed class TemiLossTests
{
    [Fact]
    public void MatchesTheSpecFormulaComputedElementByElement()
    {
        const int heads = 3, b = 4, k = 5;
        const double tau = 0.1, beta = 0.6, momentum = 0.9;
        using var g = new torch.Generator(2, torch.CPU);
        using var scope = torch.NewDisposeScope();
        var student = torch.randn([heads, 2 * b, k], generator: g);
        var teacher = torch.randn([heads, 2 * b, k], generator: g);
        var prior = torch.full([heads, 1, k], 1.0 / k);
        var (loss, perHead) = TemiLoss.Compute(student, teacher, prior, tau, beta, momentum);

        var s = student.ToArray<float>();
        var t = teacher.ToArray<float>();
        double[] Softmax(float[] z, int h, int row)
        {
            var logits = Enumerable.Range(0, k).Select(c => z[(h * 2 * b + row) * k + c] / tau).ToArray();
            var max = logits.Max();
            var e = logits.Select(v => Math.Exp(v - max)).ToArray();
            return e.Select(v => v / e.Sum()).ToArray();
        }
        var pi = new double[heads][];
        for (var h = 0; h < heads; h++)
            pi[h] = Enumerable.Range(0, k).Select(c => momentum / k + (1 - momentum) * Enumerable.Range(0, 2 * b).Average(r => Softmax(t, h, r)[c])).ToArray();
        var w = Enumerable.Range(0, b).Select(i => Enumerable.Range(0, heads)
            .Average(h => Enumerable.Range(0, k).Sum(c => Softmax(t, h, i)[c] * Softmax(t, h, b + i)[c]))).ToArray();
        double Term(int h, int studentRow, int teacherRow)
        {
            var q = Softmax(s, h, studentRow);
            var p = Softmax(t, h, teacherRow);
            return -Math.Log(Enumerable.Range(0, k).Sum(c => Math.Pow(q[c] * p[c], beta) / pi[h][c]));
        }
        var expected = Enumerable.Range(0, heads).Select(h =>
            0.5 * (Enumerable.Range(0, b).Average(i => w[i] * Term(h, b + i, i)) + Enumerable.Range(0, b).Average(i => w[i] * Term(h, i, b + i)))).ToArray();

        var actual = perHead.ToArray<float>();
        for (var h = 0; h < heads; h++) Assert.Equal(expected[h], actual[h], 4);
        Assert.Equal(expected.Average(), loss.item<float>(), 4);
        var updatedPrior = prior.ToArray<float>();
        for (var h = 0; h < heads; h++)
            for (var c = 0; c < k; c++) Assert.Equal(pi[h][c], updatedPrior[h * k + c], 5);
    }
}
