using Elfs.Engine.Training;
using Elfs.Engine.Dynamics.Proxies;
using TorchSharp.Modules;
namespace Elfs.Benchmarks.Engine;

/// <summary>
/// The evaluation model of the pruning table: conv3×3(1→16)-ReLU-maxpool-conv3×3(16→32)-ReLU-maxpool-linear(1568→10),
/// trained from scratch for a fixed number of SGD steps (Nesterov 0.9, wd 5e-4, cosine), reported as final test accuracy.
/// </summary>
internal static class SmallCnn
{
    public static double TrainAndTest(FashionMnist train, int[] subset, FashionMnist test, int steps, int batch, double learningRate, ulong seed,
        bool augment = false)
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(seed, torch.CPU);
        using var conv1 = Conv(1, 16, g);
        using var conv2 = Conv(16, 32, g);
        using var fc = Init.Linear(32 * 7 * 7, 10, g);
        Tensor Forward(Tensor x)
        {
            var h = torch.nn.functional.max_pool2d(conv1.forward(x).relu(), 2);
            h = torch.nn.functional.max_pool2d(conv2.forward(h).relu(), 2);
            return fc.forward(h.flatten(1));
        }
        var images = torch.tensor(train.Images, [train.Count, 1, 28, 28]);
        var labels = torch.tensor(train.Labels.Select(l => (long)l).ToArray(), [train.Count]);
        var parameters = conv1.parameters().Concat(conv2.parameters()).Concat(fc.parameters());
        using var optimizer = torch.optim.SGD(parameters, learningRate, momentum: 0.9, weight_decay: 5e-4, nesterov: true);
        var random = new Random((int)(seed & 0x7FFFFFFF));
        var order = (int[])subset.Clone();
        var position = order.Length;
        var indices = new long[batch];
        for (var step = 0; step < steps; step++)
        {
            using var stepScope = torch.NewDisposeScope();
            for (var i = 0; i < batch; i++)
            {
                if (position == order.Length) { random.Shuffle(order); position = 0; }
                indices[i] = order[position++];
            }
            var index = torch.tensor(indices, [batch]);
            var x = images.index_select(0, index);
            if (augment) x = ImageAugmentation.Apply(x, padding: 2, flip: true, random);
            var loss = torch.nn.functional.cross_entropy(Forward(x), labels.index_select(0, index));
            optimizer.zero_grad();
            loss.backward();
            optimizer.SetLearningRate(1e-4 + 0.5 * (learningRate - 1e-4) * (1 + Math.Cos(Math.PI * step / steps)));
            optimizer.step();
        }
        using var noGrad = torch.no_grad();
        var testImages = torch.tensor(test.Images, [test.Count, 1, 28, 28]);
        var correct = 0L;
        for (var start = 0; start < test.Count; start += 2000)
        {
            using var evalScope = torch.NewDisposeScope();
            var n = Math.Min(2000, test.Count - start);
            var predicted = Forward(testImages.narrow(0, start, n)).argmax(1).ToArray<long>();
            for (var i = 0; i < n; i++) if (predicted[i] == test.Labels[start + i]) correct++;
        }
        return (double)correct / test.Count;
    }

    // 3x3 convolution with padding 1: Kaiming-normal (fan-out) weights from the seeded generator, zero bias.
    private static Conv2d Conv(long inChannels, long outChannels, torch.Generator g)
    {
        var conv = nn.Conv2d(inChannels, outChannels, 3, padding: 1);
        Init.Assign(conv.weight, Init.KaimingNormalFanOut([outChannels, inChannels, 3, 3], g));
        Init.Assign(conv.bias!, torch.zeros([outChannels]));
        return conv;
    }
}
