using Elfs.Engine.Torch;
using F = Elfs.Engine.Torch.torch.nn.functional;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class FunctionalTests
{
    private static readonly double[] Softmax123 = [0.09003057317038046, 0.24472847105479764, 0.6652409557748219];

    [Fact]
    public void SoftmaxAndLogSoftmax()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 1, 2, 3, 1001, 1002, 1003 }, [2, 3]);
        Expect.Values([.. Softmax123, .. Softmax123], F.softmax(x, 1), 1e-6); // shift-invariant, no overflow
        Expect.Values([.. Softmax123, .. Softmax123], x.softmax(-1), 1e-6);
        var logs = Softmax123.Select(p => Math.Log(p)).ToArray();
        Expect.Values([.. logs, .. logs], F.log_softmax(x, 1), 1e-5);
        var columns = torch.tensor(new float[] { 0, 0, 0, 0 }, [2, 2]);
        Expect.Values([0.5, 0.5, 0.5, 0.5], F.softmax(columns, 0));
    }

    [Fact]
    public void NormalizeDividesByTheNormAndSurvivesZeroRows()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 3, 4, 0, 0 }, [2, 2]);
        Expect.Values([0.6, 0.8, 0, 0], F.normalize(x), 1e-7);
        Expect.Values([1, 1, 0, 0], F.normalize(x, dim: 0), 1e-7);
        Expect.Values([3.0 / 7, 4.0 / 7, 0, 0], F.normalize(x, p: 1), 1e-7);
    }

    [Fact]
    public void CrossEntropyWithReductionsAndLabelSmoothing()
    {
        using var scope = torch.NewDisposeScope();
        var logits = torch.tensor(new float[] { 1, 2, 3, 1, 2, 3 }, [2, 3]);
        var target = torch.tensor(new long[] { 2, 0 });
        double l2 = -Math.Log(Softmax123[2]), l0 = -Math.Log(Softmax123[0]);
        Expect.Values([(l2 + l0) / 2], F.cross_entropy(logits, target), 1e-6);
        Expect.Values([l2 + l0], F.cross_entropy(logits, target, Reduction.Sum), 1e-5);
        Expect.Values([l2, l0], F.cross_entropy(logits, target, Reduction.None), 1e-6);
        var uniform = Softmax123.Select(p => -Math.Log(p)).Average();
        Expect.Values([0.9 * l2 + 0.1 * uniform], F.cross_entropy(logits.slice(0, 0, 1), target.slice(0, 0, 1), label_smoothing: 0.1), 1e-6);
        Expect.Values([6.5], F.mse_loss(torch.tensor(new float[] { 1, 2 }), torch.tensor(new float[] { 3, 5 })));
    }

    [Fact]
    public void LinearIsXTimesWeightTransposedPlusBias()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 1, 2, -1, 0 }, [2, 2]);
        var w = torch.tensor(new float[] { 1, 0, 2, -1, 0, 3 }, [3, 2]);
        var b = torch.tensor(new float[] { 0.5f, 0.5f, 0.5f });
        Expect.Values([1.5, 0.5, 6.5, -0.5, -1.5, 0.5], F.linear(x, w, b), shape: [2, 3]);
        Expect.Values([1, 0, 6, -1, -2, 0], F.linear(x, w), shape: [2, 3]);
    }

    [Fact]
    public void Conv2dWithBiasStrideAndPadding()
    {
        using var scope = torch.NewDisposeScope();
        var image = torch.arange(0, 9, 1, torch.float32).reshape(1, 1, 3, 3); // [[0 1 2] [3 4 5] [6 7 8]]
        var kernel = torch.ones([1, 1, 2, 2]);
        Expect.Values([8, 12, 20, 24], F.conv2d(image, kernel), shape: [1, 1, 2, 2]);
        Expect.Values([9, 13, 21, 25], F.conv2d(image, kernel, torch.ones([1])));
        Expect.Values([0, 3, 9, 24], F.conv2d(image, kernel, stride: 2, padding: 1), shape: [1, 1, 2, 2]);
    }

    [Fact]
    public void BatchNormNormalisesPerChannelAndUpdatesRunningStatistics()
    {
        using var scope = torch.NewDisposeScope();
        // [N=2, C=2, 1, 1]: channel 0 holds {1, 3}, channel 1 holds {2, 6}
        var x = torch.tensor(new float[] { 1, 2, 3, 6 }, [2, 2, 1, 1]);
        var mean = torch.zeros([2]);
        var variance = torch.ones([2]);
        var weight = torch.tensor(new float[] { 2, 1 });
        var bias = torch.tensor(new float[] { 0, 10 });
        double a = 1 / Math.Sqrt(1 + 1e-5), b = 2 / Math.Sqrt(4 + 1e-5);
        Expect.Values([-2 * a, 10 - b, 2 * a, 10 + b], F.batch_norm(x, mean, variance, weight, bias, training: true), 1e-5);
        Expect.Values([0.2, 0.4], mean, 1e-6);               // 0.9·0 + 0.1·batch mean
        Expect.Values([1.1, 1.7], variance, 1e-6);           // 0.9·1 + 0.1·unbiased batch variance {2, 8}
        var evaluated = F.batch_norm(x, mean, variance, null, null, training: false);
        Expect.Values([(1 - 0.2) / Math.Sqrt(1.1 + 1e-5), (2 - 0.4) / Math.Sqrt(1.7 + 1e-5), (3 - 0.2) / Math.Sqrt(1.1 + 1e-5), (6 - 0.4) / Math.Sqrt(1.7 + 1e-5)], evaluated, 1e-5);
    }

    [Fact]
    public void Pooling()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.arange(0, 16, 1, torch.float32).reshape(1, 1, 4, 4);
        Expect.Values([5, 7, 13, 15], F.max_pool2d(x, 2), shape: [1, 1, 2, 2]);
        Expect.Values([2.5, 4.5, 10.5, 12.5], F.avg_pool2d(x, 2), shape: [1, 1, 2, 2]);
        Expect.Values([10, 11, 14, 15], F.max_pool2d(x, 3, stride: 1), shape: [1, 1, 2, 2]);
        Expect.Values([7.5], F.adaptive_avg_pool2d(x, 1, 1), shape: [1, 1, 1, 1]);
        Expect.Values([3.5, 11.5], F.adaptive_avg_pool2d(x, 2, 1), shape: [1, 1, 2, 1]);
    }

    [Fact]
    public void Interpolation()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.arange(0, 4, 1, torch.float32).reshape(1, 1, 2, 2);
        Expect.Values([0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3], F.interpolate(x, 4, 4, InterpolationMode.Nearest), shape: [1, 1, 4, 4]);
        Expect.Values([0, 0.5, 1, 1, 1.5, 2, 2, 2.5, 3], F.interpolate(x, 3, 3, InterpolationMode.Bilinear, align_corners: true), 1e-6, [1, 1, 3, 3]);
    }

    [Fact]
    public void ActivationsThroughFunctional()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { -1, 0, 1 });
        Expect.Values([0, 0, 1], F.relu(x));
        Expect.Values([-0.15865525393145707, 0, 0.8413447460685429], F.gelu(x), 1e-6);
    }
}
