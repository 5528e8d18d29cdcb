using Elfs.Engine.Training;

namespace Elfs.Engine.Clustering;

/// <summary>
/// H TEMI heads evaluated together (elfs-spec §3.2): Linear D→hidden (bias) → GELU → Linear hidden→bottleneck (bias) →
/// L2-normalise → weight-normalised Linear bottleneck→K without bias (w_k = g_k·v_k/‖v_k‖, g trainable).
/// The first layer of all heads is one wide GEMM (the input is shared); the rest are bmm over a heads dimension.
/// </summary>
internal sealed class TemiHeads : IDisposable
{
    private TemiHeads(Parameter w1, Parameter b1, Parameter w2, Parameter b2, Parameter v, Parameter g, int heads, int hidden)
    {
        W1 = w1; B1 = b1; W2 = w2; B2 = b2; V = v; G = g;
        Heads = heads;
        Hidden = hidden;
    }

    /// <summary>First-layer weights of all heads side by side: D × (H·hidden).</summary>
    public Parameter W1 { get; }

    /// <summary>First-layer biases: H·hidden.</summary>
    public Parameter B1 { get; }

    /// <summary>Second-layer weights: H × hidden × bottleneck.</summary>
    public Parameter W2 { get; }

    /// <summary>Second-layer biases: H × 1 × bottleneck.</summary>
    public Parameter B2 { get; }

    /// <summary>Weight-norm directions of the last layer: H × bottleneck × K (column k is v_k).</summary>
    public Parameter V { get; }

    /// <summary>Weight-norm gains of the last layer: H × 1 × K.</summary>
    public Parameter G { get; }

    /// <summary>Number of heads.</summary>
    public int Heads { get; }

    /// <summary>Hidden width per head.</summary>
    public int Hidden { get; }

    /// <summary>Weights that get weight decay (≥ 2-D in the reference: W1, W2, V and the gain g).</summary>
    public IEnumerable<Parameter> DecayedParameters => [W1, W2, V, G];

    /// <summary>Biases (no weight decay).</summary>
    public IEnumerable<Parameter> BiasParameters => [B1, B2];

    /// <summary>The last layer, frozen during the first epoch.</summary>
    public IEnumerable<Parameter> LastLayerParameters => [V, G];

    /// <summary>All parameters in a fixed order (used by the EMA update).</summary>
    public IReadOnlyList<Parameter> All => [W1, B1, W2, B2, V, G];

    /// <summary>Initialises heads as the reference: hidden weights N(0, 0.02²), biases 0, v ~ U(±1/√bottleneck), g = 1.</summary>
    public static TemiHeads Create(int dim, int heads, int hidden, int bottleneck, int clusters, Generator generator, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var w1 = Init.Normal([dim, (long)heads * hidden], 0.02, generator, device);
        var b1 = torch.zeros([(long)heads * hidden], device: device);
        var w2 = Init.Normal([heads, hidden, bottleneck], 0.02, generator, device);
        var b2 = torch.zeros([heads, 1, bottleneck], device: device);
        var v = Init.DefaultUniform([heads, bottleneck, clusters], bottleneck, generator, device);
        var g = torch.ones([heads, 1, clusters], device: device);
        return new TemiHeads(Keep(w1), Keep(b1), Keep(w2), Keep(b2), Keep(v), Keep(g), heads, hidden);
    }

    /// <summary>An exact copy that never needs gradients (the EMA teacher).</summary>
    public TemiHeads CopyAsTeacher()
    {
        using var scope = torch.NewDisposeScope();
        Parameter Copy(Parameter p) => Keep(p.detach().clone(), requiresGrad: false);
        return new TemiHeads(Copy(W1), Copy(B1), Copy(W2), Copy(B2), Copy(V), Copy(G), Heads, Hidden);
    }

    /// <summary>Logits of every head: input rows × D → H × rows × K.</summary>
    public Tensor Forward(Tensor x)
    {
        var rows = x.size(0);
        var h1 = B1.addmm(x, W1).gelu().view(rows, Heads, Hidden).transpose(0, 1);
        // bmm then add: TorchSharp 0.107's baddbmm expands its batch operand to the bias's shape and fails.
        var h2 = h1.bmm(W2).add_(B2);
        var z = torch.nn.functional.normalize(h2, 2, -1);
        return z.bmm(LastLayerWeight(V, G));
    }

    /// <summary>Logits of one head: rows × D → rows × K.</summary>
    public Tensor ForwardHead(Tensor x, int head)
    {
        var w1 = W1.narrow(1, (long)head * Hidden, Hidden);
        var b1 = B1.narrow(0, (long)head * Hidden, Hidden);
        var h1 = b1.addmm(x, w1).gelu();
        var h2 = B2.select(0, head).addmm(h1, W2.select(0, head));
        var z = torch.nn.functional.normalize(h2, 2, -1);
        return z.mm(LastLayerWeight(V.select(0, head), G.select(0, head)));
    }

    /// <summary>θ_teacher ← m·θ_teacher + (1−m)·θ_student for every parameter.</summary>
    public void UpdateAsEmaOf(TemiHeads student, double momentum)
    {
        using var noGrad = torch.no_grad();
        var mine = All;
        var theirs = student.All;
        for (var i = 0; i < mine.Count; i++) mine[i].lerp_(theirs[i], 1 - momentum);
    }

    // A parameter built inside a dispose scope belongs to it in TorchSharp; the heads own theirs.
    private static Parameter Keep(Tensor value, bool requiresGrad = true)
    {
        var parameter = new Parameter(value, requiresGrad);
        parameter.DetachFromDisposeScope();
        return parameter;
    }

    private static Tensor LastLayerWeight(Tensor v, Tensor g) => v / v.norm(-2, keepdim: true) * g;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var p in All) p.Dispose();
    }
}
