namespace Elfs.Engine.Torch.Modules;

/// <summary>Batch normalisation over [N, C, H, W] with running statistics (momentum 0.1, eps 1e-5).</summary>
public sealed class BatchNorm2d : Module
{
    /// <summary>Creates the layer for <paramref name="channels"/> channels.</summary>
    public BatchNorm2d(long channels, Device? device = null)
    {
        using var scope = torch.NewDisposeScope();
        weight = RegisterParameter("weight", torch.ones([channels], torch.float32, device));
        bias = RegisterParameter("bias", torch.zeros([channels], torch.float32, device));
        running_mean = RegisterBuffer("running_mean", torch.zeros([channels], torch.float32, device));
        running_var = RegisterBuffer("running_var", torch.ones([channels], torch.float32, device));
    }

    /// <summary>Scale γ.</summary>
    public Parameter weight { get; }

    /// <summary>Shift β.</summary>
    public Parameter bias { get; }

    /// <summary>Running mean (updated in training).</summary>
    public Tensor running_mean { get; }

    /// <summary>Running variance (updated in training).</summary>
    public Tensor running_var { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) =>
        torch.nn.functional.batch_norm(input, running_mean, running_var, weight, bias, training);
}
