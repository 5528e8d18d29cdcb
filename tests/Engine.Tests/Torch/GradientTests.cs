using Elfs.Engine.Torch;
using Elfs.Engine.Torch.Modules;
using F = Elfs.Engine.Torch.torch.nn.functional;

namespace Elfs.Engine.Tests.Torch;

/// <summary>Finite-difference checks of the gradients of every op TEMI differentiates through.</summary>
[Collection(NativeCollection.Name)]
public sealed class GradientTests : IDisposable
{
    // Scopes are per thread, so each test opens its own rather than the constructor.
    private readonly Generator generator = new(1234);

    // A random weighting makes each loss depend on every output (a plain sum of a softmax is constant).
    private Tensor Weights(params long[] shape) => torch.randn(shape, generator, torch.float64);

    private Tensor Leaf(long[] shape, double offset = 0, double scale = 1) =>
        (torch.rand(shape, generator, torch.float64) * scale + offset).requires_grad_();

    private Tensor Normal(params long[] shape) => torch.randn(shape, generator, torch.float64).requires_grad_();

    [Fact]
    public void Softmax()
    {
        using var scope = torch.NewDisposeScope();
        var x = Normal(3, 4);
        var r = Weights(3, 4);
        GradCheck.Check(x, () => (x.softmax(1) * r).sum());
        GradCheck.Check(x, () => (F.softmax(x, 0) * r).sum());
    }

    [Fact]
    public void LogSoftmax()
    {
        using var scope = torch.NewDisposeScope();
        var x = Normal(3, 4);
        var r = Weights(3, 4);
        GradCheck.Check(x, () => (x.log_softmax(1) * r).sum());
    }

    [Fact]
    public void Log()
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf([2, 5], offset: 0.2);
        var r = Weights(2, 5);
        GradCheck.Check(x, () => (x.log() * r).sum());
    }

    [Fact]
    public void PowWithScalarAndTensorExponents()
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf([6], offset: 0.5);
        var r = Weights(6);
        GradCheck.Check(x, () => (x.pow(2.5) * r).sum());
        GradCheck.Check(x, () => (x.pow(-0.5) * r).sum());
        var exponent = Leaf([6], offset: 0.5, scale: 2);
        GradCheck.Check(x, () => (x.pow(exponent) * r).sum());
        GradCheck.Check(exponent, () => (x.pow(exponent) * r).sum());
    }

    [Fact]
    public void Normalize()
    {
        using var scope = torch.NewDisposeScope();
        var x = Normal(4, 3);
        var r = Weights(4, 3);
        GradCheck.Check(x, () => (F.normalize(x, dim: 1) * r).sum());
        GradCheck.Check(x, () => (F.normalize(x, dim: 0) * r).sum());
    }

    [Fact]
    public void MatrixProduct()
    {
        using var scope = torch.NewDisposeScope();
        var a = Normal(3, 4);
        var b = Normal(4, 2);
        var r = Weights(3, 2);
        GradCheck.Check(a, () => (a.mm(b) * r).sum());
        GradCheck.Check(b, () => (a.mm(b) * r).sum());
        GradCheck.Check(a, () => (a.matmul(b) * r).sum());
    }

    [Fact]
    public void WeightNormLinearInAllItsInputs()
    {
        using var scope = torch.NewDisposeScope();
        using var layer = new WeightNormLinear(3, 4, generator);
        foreach (var (_, p) in layer.named_parameters())
        {
            using var asDouble = p.to(torch.float64);
            p.set_data(asDouble);
        }
        var x = Normal(5, 3);
        var r = Weights(5, 4);
        GradCheck.Check(layer.weight_v, () => (layer.forward(x) * r).sum());
        GradCheck.Check(layer.weight_g, () => (layer.forward(x) * r).sum());
        GradCheck.Check(x, () => (layer.forward(x) * r).sum());
    }

    [Fact]
    public void CrossEntropyAndLogsumexp()
    {
        using var scope = torch.NewDisposeScope();
        var logits = Normal(4, 3);
        var target = torch.tensor(new long[] { 0, 2, 1, 2 });
        GradCheck.Check(logits, () => F.cross_entropy(logits, target));
        GradCheck.Check(logits, () => F.cross_entropy(logits, target, label_smoothing: 0.1));
        var r = Weights(4);
        GradCheck.Check(logits, () => (logits.logsumexp(1) * r).sum());
    }

    public void Dispose() => generator.Dispose();
}
