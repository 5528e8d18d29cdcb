using Elfs.Engine.Torch;
using Elfs.Engine.Torch.Modules;
using Elfs.Engine.Torch.Optim;
using F = Elfs.Engine.Torch.torch.nn.functional;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class OptimizerTests
{
    // loss = Σ p·c, so the gradient is c = [0.5, −1] at every step.
    private static readonly double[] Slope = [0.5, -1];

    private static double[] TwoSteps(Optimizer optimizer, Parameter p)
    {
        var trace = new List<double>();
        for (var step = 0; step < 2; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            (p * torch.tensor(Slope)).sum().backward();
            optimizer.step();
            trace.AddRange(Expect.Doubles(p));
        }
        return [.. trace];
    }

    private static Parameter StartingPoint()
    {
        using var start = torch.tensor(new double[] { 1, -2 });
        return new Parameter(start);
    }

    [Fact]
    public void AdamWStepsMatchHandComputedValues()
    {
        using var p = StartingPoint();
        using var optimizer = new AdamW([new ParamGroup([p], learningRate: 0.1, weightDecay: 0.01)]);
        // Step 1: p·(1 − 0.1·0.01) = [0.999, −1.998]; m = 0.1·g, v = 0.001·g², m̂/(√v̂ + ε) = sign(g) → p − 0.1·sign(g).
        // Step 2: p·0.999 = [0.898101, −1.896102]; m = [0.095, −0.19], v = [0.00049975, 0.001999],
        //         bias corrections 0.19 and 0.001999 → again a step of 0.1·sign(g).
        Expect.Close([0.899, -1.898, 0.798101, -1.796102], TwoSteps(optimizer, p), 1e-7);
    }

    [Fact]
    public void SgdNesterovWithWeightDecayStepsMatchHandComputedValues()
    {
        using var p = StartingPoint();
        using var optimizer = new SGD([new ParamGroup([p], learningRate: 0.1, weightDecay: 0.1)], momentum: 0.9, nesterov: true);
        // Step 1: d = g + 0.1·p = [0.6, −1.2]; buffer = d; d + 0.9·buffer = [1.14, −2.28]; p − 0.1·that = [0.886, −1.772].
        // Step 2: d = [0.5886, −1.1772]; buffer = 0.9·[0.6, −1.2] + d = [1.1286, −2.2572];
        //         d + 0.9·buffer = [1.60434, −3.20868]; p = [0.725566, −1.451132].
        Expect.Close([0.886, -1.772, 0.725566, -1.451132], TwoSteps(optimizer, p), 1e-12);
    }

    [Fact]
    public void SgdMomentumStepsMatchHandComputedValues()
    {
        using var p = StartingPoint();
        using var optimizer = new SGD([new ParamGroup([p], learningRate: 0.1)], momentum: 0.9);
        // Step 1: buffer = g = [0.5, −1]; p = [0.95, −1.9]. Step 2: buffer = 0.9·g + g = [0.95, −1.9]; p = [0.855, −1.71].
        Expect.Close([0.95, -1.9, 0.855, -1.71], TwoSteps(optimizer, p), 1e-12);
    }

    [Fact]
    public void ParametersWithoutAGradientAreLeftAlone()
    {
        using var used = StartingPoint();
        using var frozen = StartingPoint();
        using var optimizer = new AdamW([new ParamGroup([used, frozen], learningRate: 0.1, weightDecay: 0.5)]);
        TwoSteps(optimizer, used);
        Expect.Values([1, -2], frozen, 0);
        Assert.Null(frozen.grad());
    }

    [Fact]
    public void LearningRateChangesApplyToTheNextStep()
    {
        using var p = StartingPoint();
        using var optimizer = new SGD([new ParamGroup([p], learningRate: 0.1)]);
        optimizer.SetLearningRate(1);
        Assert.Equal(1, optimizer.ParamGroups[0].LearningRate);
        Expect.Close([0.5, -1, 0, 0], TwoSteps(optimizer, p), 1e-12);
    }

    [Fact]
    public void NesterovWithoutMomentumIsRejected()
    {
        using var p = StartingPoint();
        var e = Assert.Throws<ArgumentException>(() => new SGD([new ParamGroup([p], 0.1)], nesterov: true));
        Assert.Contains("momentum", e.Message);
    }

    /// <summary>Fits y = 3a − 2b + 0.5 (64 seeded points) with a Linear(2, 1); returns [w_a, w_b, bias, final loss].</summary>
    private static double[] FitRegression(Func<IEnumerable<Parameter>, Optimizer> create, int steps)
    {
        using var generator = new Generator(21);
        using var model = new Linear(2, 1, generator);
        using var optimizer = create(model.parameters_());
        using var x = torch.randn([64, 2], generator);
        Tensor y;
        using (var build = torch.NewDisposeScope()) y = build.MoveToOuter((x.select(1, 0) * 3 - x.select(1, 1) * 2 + 0.5).unsqueeze(1));
        using var target = y;
        var loss = double.NaN;
        for (var i = 0; i < steps; i++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var l = F.mse_loss(model.forward(x), target);
            l.backward();
            optimizer.step();
            loss = l.item<float>();
        }
        return [.. Expect.Doubles(model.weight), .. Expect.Doubles(model.bias!), loss];
    }

    [Fact]
    public void AdamWFitsALinearRegression()
    {
        var fit = FitRegression(p => new AdamW([new ParamGroup(p, learningRate: 0.05)]), 600);
        Expect.Close([3, -2, 0.5], fit[..3], 1e-3);
        Assert.True(fit[3] < 1e-6, $"final loss {fit[3]}");
    }

    [Theory]
    [InlineData(0.0, false, 0.0)]
    [InlineData(0.9, false, 0.0)]
    [InlineData(0.9, true, 0.0)]
    [InlineData(0.9, true, 1e-4)]
    public void SgdFitsALinearRegression(double momentum, bool nesterov, double weightDecay)
    {
        var fit = FitRegression(p => new SGD([new ParamGroup(p, learningRate: 0.1, weightDecay)], momentum, nesterov), 300);
        // L2 weight decay 1e-4 pulls the weights towards zero by about 1e-4 of their size; 2e-3 covers it.
        Expect.Close([3, -2, 0.5], fit[..3], 2e-3);
        Assert.True(fit[3] < 1e-4, $"final loss {fit[3]}");
    }
}
