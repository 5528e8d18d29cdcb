using Elfs.Engine.Torch;
using Elfs.Engine.Torch.Modules;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class ModuleTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("elfs-module-").FullName;

    private sealed class Net : Module
    {
        public Net(Generator g)
        {
            Body = RegisterModule("body", new Sequential(new Conv2d(1, 2, 3, g, padding: 1), new BatchNorm2d(2), Activation.ReLU()));
            Head = RegisterModule("head", new Linear(2 * 4 * 4, 3, g));
        }

        public Sequential Body { get; }
        public Linear Head { get; }

        public override Tensor forward(Tensor input)
        {
            using var scope = torch.NewDisposeScope();
            return scope.MoveToOuter(Head.forward(Body.forward(input).flatten(1)));
        }
    }

    [Fact]
    public void ParametersAndBuffersHaveDottedNames()
    {
        using var g = new Generator(1);
        using var net = new Net(g);
        Assert.Equal(["body.0.weight", "body.1.weight", "body.1.bias", "head.weight", "head.bias"], net.named_parameters().Select(p => p.name));
        Assert.Equal(["body.1.running_mean", "body.1.running_var"], net.named_buffers().Select(b => b.name));
        Assert.All(net.parameters_(), p => Assert.True(p.requires_grad));
        Assert.Equal(7, net.state_dict().Count);
    }

    [Fact]
    public void LinearIsSeededAndInitialisedInPyTorchsRange()
    {
        using var scope = torch.NewDisposeScope();
        using var g1 = new Generator(3);
        using var g2 = new Generator(3);
        using var a = new Linear(4, 5, g1);
        using var b = new Linear(4, 5, g2);
        Assert.Equal(a.weight.ToArray<float>(), b.weight.ToArray<float>());
        Assert.All(a.weight.ToArray<float>(), w => Assert.InRange(w, -0.5f, 0.5f)); // U(±1/√4)
        var x = torch.ones([1, 4]);
        var expected = a.weight.sum(1) + a.bias!;
        Expect.Values(Expect.Doubles(expected), a.forward(x), 1e-6);
    }

    [Fact]
    public void WeightNormLinearStartsEqualToItsDirectionAndHonoursTheGain()
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(4);
        using var plain = new WeightNormLinear(3, 2, g);
        Expect.Values(Expect.Doubles(plain.weight_v), plain.weight(), 1e-6);
        Assert.Equal([2L, 1L], plain.weight_g.shape);
        using var unit = new WeightNormLinear(3, 2, g, gInit: 1);
        Expect.Values([1, 1], unit.weight().norm(1), 1e-6);
        var x = torch.tensor(new float[] { 1, 0, 0 }, [1, 3]);
        Expect.Values(Expect.Doubles(unit.weight().select(1, 0)), unit.forward(x), 1e-6);
    }

    [Fact]
    public void SaveAndLoadRoundTripParametersAndBuffers()
    {
        using var scope = torch.NewDisposeScope();
        using var g1 = new Generator(1);
        using var g2 = new Generator(2);
        using var source = new Net(g1);
        using var target = new Net(g2);
        var x = torch.randn([2, 1, 4, 4], g1);
        source.forward(x); // training mode: updates the batch-norm running statistics
        source.eval();
        target.eval();
        var expected = source.forward(x).ToArray<float>();
        Assert.NotEqual(expected, target.forward(x).ToArray<float>());

        var path = Path.Combine(directory, "net.state");
        source.save(path);
        target.load(path);
        Assert.Equal(expected, target.forward(x).ToArray<float>());
        foreach (var (name, tensor) in source.state_dict())
            Assert.Equal(tensor.ToArray<float>(), target.state_dict()[name].ToArray<float>());
        Assert.True(target.parameters_().All(p => p.requires_grad)); // loading keeps them trainable
    }

    [Fact]
    public void LoadingAMismatchedFileNamesTheParameter()
    {
        using var g = new Generator(1);
        using var small = new Linear(2, 3, g);
        using var large = new Linear(2, 4, g);
        var path = Path.Combine(directory, "small.state");
        small.save(path);
        var e = Assert.Throws<InvalidDataException>(() => large.load(path));
        Assert.Contains("'weight'", e.Message);
        Assert.Contains("[3, 2]", e.Message);
        Assert.Contains("[4, 2]", e.Message);
        using var noBias = new Linear(2, 3, g, hasBias: false);
        var before = noBias.weight.ToArray<float>();
        Assert.Contains("'bias'", Assert.Throws<InvalidDataException>(() => noBias.load(path)).Message);
        Assert.Equal(before, noBias.weight.ToArray<float>()); // a file that does not fit changes nothing
        var truncated = Path.Combine(directory, "truncated.state");
        File.WriteAllBytes(truncated, File.ReadAllBytes(path)[..^4]);
        Assert.Contains(truncated, Assert.Throws<InvalidDataException>(() => small.load(truncated)).Message);
        var garbage = Path.Combine(directory, "garbage.state");
        File.WriteAllText(garbage, "nonsense");
        Assert.Throws<InvalidDataException>(() => small.load(garbage));
    }

    [Fact]
    public void TrainEvalAndZeroGradReachChildren()
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(1);
        using var net = new Net(g);
        net.eval();
        Assert.False(net.Body.training);
        Assert.False(net.Head.training);
        net.train();
        Assert.True(net.Head.training);
        net.forward(torch.randn([2, 1, 4, 4], g)).sum().backward();
        Assert.All(net.parameters_(), p => Assert.NotNull(p.grad()));
        net.zero_grad();
        Assert.All(net.parameters_(), p => Assert.Null(p.grad()));
        net.to(Device.CPU);
        Assert.All(net.parameters_(), p => Assert.Equal(Device.CPU, p.device));
    }

    [Fact]
    public void ModulesOwnTheirTensorsOutsideScopes()
    {
        var before = torch.LiveTensorCount;
        using var g = new Generator(1);
        Linear layer;
        using (torch.NewDisposeScope()) layer = new Linear(2, 2, g);
        Assert.False(layer.weight.IsInvalid);
        Assert.Equal(before + 2, torch.LiveTensorCount);
        layer.Dispose();
        Assert.Equal(before, torch.LiveTensorCount);
    }

    [Fact]
    public void SavingAndLoadingLeaveNoTensorsBehind()
    {
        using var g = new Generator(1);
        using var net = new Net(g);
        var path = Path.Combine(directory, "leak.state");
        var before = torch.LiveTensorCount;
        for (var i = 0; i < 3; i++)
        {
            net.save(path);
            net.load(path);
        }
        Assert.Equal(before, torch.LiveTensorCount);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
