using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

/// <summary>Compares autograd's gradient of a scalar loss with central finite differences (float64).</summary>
internal static class GradCheck
{
    private const double Step = 1e-6;

    /// <param name="leaf">A float64 leaf that requires gradients; <paramref name="loss"/> reads it.</param>
    /// <param name="loss">Builds the scalar loss from the current values of the leaf.</param>
    public static void Check(Tensor leaf, Func<Tensor> loss, double tolerance = 1e-6)
    {
        Assert.Equal(ScalarType.Float64, leaf.dtype);
        Assert.True(leaf.requires_grad && leaf.is_leaf);
        double[] analytic;
        using (var scope = torch.NewDisposeScope())
        {
            leaf.zero_grad();
            loss().backward();
            var grad = leaf.grad();
            Assert.NotNull(grad);
            analytic = grad.ToArray<double>();
            leaf.zero_grad();
        }

        var values = Values(leaf);
        var numeric = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var original = values[i];
            values[i] = original + Step;
            var up = Evaluate(leaf, values, loss);
            values[i] = original - Step;
            var down = Evaluate(leaf, values, loss);
            values[i] = original;
            numeric[i] = (up - down) / (2 * Step);
        }
        Evaluate(leaf, values, loss); // restore the leaf

        Assert.True(numeric.Max(Math.Abs) > 1e-3, "the check is vacuous: every numeric derivative is ~0");
        for (var i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(analytic[i] - numeric[i]) <= tolerance * Math.Max(1, Math.Abs(numeric[i])),
                $"d loss / d x[{i}]: autograd {analytic[i]:R}, finite difference {numeric[i]:R}");
    }

    private static double[] Values(Tensor leaf)
    {
        using var d = leaf.detach();
        return d.ToArray<double>();
    }

    private static double Evaluate(Tensor leaf, double[] values, Func<Tensor> loss)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        leaf.copy_(torch.tensor(values, leaf.shape));
        return loss().item<double>();
    }
}
