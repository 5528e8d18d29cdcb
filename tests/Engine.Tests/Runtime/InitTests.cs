using Elfs.Engine.Training;

namespace Elfs.Engine.Tests.Runtime;

public sealed class InitTests
{
    [Fact]
    public void A_seed_gives_the_same_weights_and_another_seed_other_weights()
    {
        float[] Draw(ulong seed)
        {
            using var g = new torch.Generator(seed, torch.CPU);
            using var layer = Init.Linear(6, 4, g);
            return layer.weight!.ToArray<float>().Concat(layer.bias!.ToArray<float>()).ToArray();
        }
        Assert.Equal(Draw(5), Draw(5));
        Assert.NotEqual(Draw(5), Draw(6));
    }

    [Fact]
    public void Default_uniform_stays_inside_its_bound_and_a_layer_keeps_its_parameters_trainable()
    {
        using var g = new torch.Generator(1, torch.CPU);
        using var layer = Init.Linear(16, 8, g);
        var bound = 1 / Math.Sqrt(16);
        Assert.All(layer.weight!.ToArray<float>(), w => Assert.InRange(w, -bound, bound));
        Assert.True(layer.weight!.requires_grad);
        Assert.Equal(2, layer.parameters().Count());
    }
}
