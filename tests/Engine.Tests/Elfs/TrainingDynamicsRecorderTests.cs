using Elfs.Engine.Dynamics;

namespace Elfs.Engine.Tests.Elfs;

public sealed class TrainingDynamicsRecorderTests
{
    private static void Observe(TrainingDynamicsRecorder recorder, int epoch, int[] items, float[,] logits)
    {
        using var t = torch.tensor(logits);
        recorder.Observe(epoch, items, t);
    }

    [Fact]
    public void AccumulatesAumForgettingAndEl2nAsTheSpecDefinesThem()
    {
        // Two items, two classes, labels [0, 1]; equal logits → p = 0.5/0.5; ln 3 → p = 0.75/0.25.
        var ln3 = MathF.Log(3);
        var recorder = new TrainingDynamicsRecorder([0, 1], el2nEpochs: 2);
        Observe(recorder, 0, [0, 1], new[,] { { ln3, 0f }, { ln3, 0f } });      // item0 correct (m=+0.5), item1 wrong (m=−0.5)
        Observe(recorder, 1, [1, 0], new[,] { { 0f, ln3 }, { 0f, ln3 } });      // batch order differs: item1 correct, item0 wrong → forgotten
        Observe(recorder, 2, [0], new[,] { { ln3, 0f } });                      // item0 correct again
        Observe(recorder, 2, [1], new[,] { { ln3, 0f } });                      // item1 wrong again → forgotten
        var s = recorder.Scores();
        Assert.Equal(0.5f, s.Aum[0], 5);           // +0.5 −0.5 +0.5
        Assert.Equal(-0.5f, s.Aum[1], 5);          // −0.5 +0.5 −0.5
        Assert.Equal([1, 1], s.Forgetting);
        Assert.Equal([2, 1], s.Correctness);
        // EL2N over epochs 0–1 only: ‖(0.75,0.25)−(1,0)‖ = 0.3536 and ‖(0.25,0.75)−(1,0)‖ = 1.0607.
        Assert.Equal(0.3536f + 1.0607f, s.El2n[0], 3);
        Assert.Equal(1.0607f + 0.3536f, s.El2n[1], 3);
    }
}
