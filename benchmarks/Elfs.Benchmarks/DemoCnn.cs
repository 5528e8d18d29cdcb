using Elfs.Engine.Torch;

namespace Elfs.Benchmarks;

/// <summary>A seeded random-weight 4-layer CNN saved as TorchScript: an encoder of ResNet-18-like cost for cache timings.</summary>
internal static class DemoCnn
{
    private const string Source = """
        def forward(self, x):
            x = torch.relu(torch.conv2d(x, self.w1, None, [2, 2], [1, 1]))
            x = torch.relu(torch.conv2d(x, self.w2, None, [2, 2], [1, 1]))
            x = torch.relu(torch.conv2d(x, self.w3, None, [2, 2], [1, 1]))
            x = torch.relu(torch.conv2d(x, self.w4, None, [2, 2], [1, 1]))
            return torch.flatten(torch.adaptive_avg_pool2d(x, [1, 1]), 1)

        """;

    public static string Save(string path)
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(0);
        var weights = new Dictionary<string, Tensor>
        {
            ["w1"] = torch.randn([64, 3, 3, 3], g) * 0.2,
            ["w2"] = torch.randn([128, 64, 3, 3], g) * 0.05,
            ["w3"] = torch.randn([256, 128, 3, 3], g) * 0.03,
            ["w4"] = torch.randn([512, 256, 3, 3], g) * 0.02,
        };
        using var module = ScriptModule.Define(Source, weights);
        module.Save(path);
        return path;
    }
}
