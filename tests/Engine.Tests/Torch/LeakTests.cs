using Elfs.Engine.Torch;
using Elfs.Engine.Torch.Modules;
using Elfs.Engine.Torch.Optim;
using F = Elfs.Engine.Torch.torch.nn.functional;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class LeakTests
{
    [Fact]
    public void HundredThousandTrainingStepsInDisposeScopesLeaveTheLiveCountAtItsBaseline()
    {
        const int Iterations = 100_000;
        // Tensors other tests dropped without disposing are freed by finalizers; let them go before the baseline.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = torch.LiveTensorCount;

        using var generator = new Generator(9);
        using var model = new Linear(2, 1, generator);
        using var optimizer = new SGD([new ParamGroup(model.parameters_(), learningRate: 0.05)], momentum: 0.9);
        var inputs = new float[8];
        var targets = new float[4];
        var random = new Random(9);
        long atStart = 0, atEnd = 0;
        for (var i = 0; i < Iterations; i++)
        {
            using var scope = torch.NewDisposeScope();
            for (var k = 0; k < 4; k++)
            {
                inputs[2 * k] = (float)random.NextDouble();
                inputs[2 * k + 1] = (float)random.NextDouble();
                targets[k] = 2 * inputs[2 * k] - inputs[2 * k + 1] + 0.5f;
            }
            var x = torch.tensor(inputs, [4, 2]);
            var y = torch.tensor(targets, [4, 1]);
            var loss = F.mse_loss(model.forward(x), y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            if (i == 1) atStart = torch.LiveTensorCount;
            if (i == Iterations - 1) atEnd = torch.LiveTensorCount;
        }

        // Inside an iteration: 2 parameters, 2 momentum buffers, and x, y, the prediction and the loss.
        Assert.Equal(baseline + 8, atStart);
        Assert.Equal(atStart, atEnd);
        // After the loop only the model and the optimizer state are alive.
        Assert.Equal(baseline + 4, torch.LiveTensorCount);
        // The steps really trained: the fit is y = 2a − b + 0.5.
        Expect.Values([2, -1], model.weight, 1e-3);
        Expect.Values([0.5], model.bias!, 1e-3);
        optimizer.Dispose();
        model.Dispose();
        Assert.Equal(baseline, torch.LiveTensorCount);
    }
}
