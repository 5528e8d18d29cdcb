using Elfs.Engine.Torch.Modules;

namespace Elfs.Engine.Torch.Optim;

/// <summary>Parameters that share a learning rate and weight decay (both may be changed between steps).</summary>
public sealed class ParamGroup
{
    /// <summary>Creates a group.</summary>
    public ParamGroup(IEnumerable<Parameter> parameters, double learningRate, double weightDecay = 0)
    {
        Parameters = parameters.ToList();
        LearningRate = learningRate;
        WeightDecay = weightDecay;
    }

    /// <summary>The parameters updated with this group's settings.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The learning rate for the next step.</summary>
    public double LearningRate { get; set; }

    /// <summary>The weight decay for the next step.</summary>
    public double WeightDecay { get; set; }
}
