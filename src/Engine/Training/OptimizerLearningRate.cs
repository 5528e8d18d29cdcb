using TorchSharp.Modules;

namespace Elfs.Engine.Training;

/// <summary>Sets one learning rate on every parameter group: the schedules here are per step, not per group.</summary>
internal static class OptimizerLearningRate
{
    /// <summary>Sets <paramref name="learningRate"/> on every group of <paramref name="optimizer"/>.</summary>
    public static void SetLearningRate(this OptimizerHelper optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }
}
