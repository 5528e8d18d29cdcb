using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class ScriptModuleTests : IDisposable
{
    private const string Source = """
        def forward(self, x):
            return torch.relu(x.mm(self.weight) + self.bias)
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("elfs-jit-").FullName;

    [Fact]
    public void DefinedModuleRoundTripsThroughAFileWithIdenticalOutput()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(5);
        var parameters = new Dictionary<string, Tensor>
        {
            ["weight"] = torch.tensor(new float[] { 1, -1, 2, 0.5f, -3, 1 }, [3, 2]),
            ["bias"] = torch.tensor(new float[] { 0.25f, -0.5f }),
        };
        using var defined = ScriptModule.Define(Source, parameters);
        var x = torch.randn([4, 3], generator);
        var expected = defined.forward(x);
        // The module computes what the binding computes.
        Assert.Equal((x.mm(parameters["weight"]) + parameters["bias"]).relu().ToArray<float>(), expected.ToArray<float>());
        Assert.Contains(expected.ToArray<float>(), v => v > 0);

        var path = Path.Combine(directory, "module.pt");
        defined.Save(path);
        Assert.True(new FileInfo(path).Length > 0);
        using var loaded = ScriptModule.Load(path, Device.CPU).eval();
        var actual = loaded.forward(x);
        Assert.Equal([4L, 2L], actual.shape);
        Assert.Equal(expected.ToArray<float>(), actual.ToArray<float>());
    }

    [Fact]
    public void TupleResultsYieldTheirFirstTensor()
    {
        using var scope = torch.NewDisposeScope();
        using var module = ScriptModule.Define("""
            def forward(self, x):
                return (x * 2.0, x)
            """);
        Expect.Values([2, 4], module.forward(torch.tensor(new float[] { 1, 2 })));
    }

    [Fact]
    public void ModulesConvertToAnotherType()
    {
        using var scope = torch.NewDisposeScope();
        using var module = ScriptModule.Define(Source, new Dictionary<string, Tensor>
        {
            ["weight"] = torch.ones([2, 1]),
            ["bias"] = torch.zeros([1]),
        });
        module.to(torch.float64, Device.CPU).to(Device.CPU);
        var y = module.forward(torch.tensor(new double[] { 1.5, 2 }, [1, 2]));
        Assert.Equal(ScalarType.Float64, y.dtype);
        Expect.Values([3.5], y, 0);
    }

    [Fact]
    public void BadSourceMissingFilesAndBadFilesAreClearErrors()
    {
        var syntax = Assert.Throws<TorchException>(() => ScriptModule.Define("def forward(self, x):\n    return x +\n"));
        Assert.StartsWith("defining TorchScript module:", syntax.Message);
        var missing = Path.Combine(directory, "absent.pt");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => ScriptModule.Load(missing)).Message);
        var garbage = Path.Combine(directory, "garbage.pt");
        File.WriteAllText(garbage, "not a zip archive");
        Assert.Contains(garbage, Assert.Throws<TorchException>(() => ScriptModule.Load(garbage)).Message);
    }

    [Fact]
    public void ForwardErrorsCarryTheScriptsMessage()
    {
        using var scope = torch.NewDisposeScope();
        using var module = ScriptModule.Define(Source, new Dictionary<string, Tensor>
        {
            ["weight"] = torch.ones([3, 2]),
            ["bias"] = torch.zeros([2]),
        });
        var e = Assert.Throws<TorchException>(() => module.forward(torch.ones([1, 4])));
        Assert.Contains("1x4", e.Message);
        Assert.Contains("3x2", e.Message);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
