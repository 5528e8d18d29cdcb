
namespace Elfs.Engine.Clustering;

/// <summary>
/// The TEMI loss as the reference implements it (elfs-spec §3.4): the cluster prior is updated first from both views'
/// teacher probabilities, the pair weight is the teacher agreement averaged over all heads, and each head's loss is the
/// symmetric −log Σ_k (q_k·p_k)^β / π_k with the student on one view and the teacher on the other.
/// </summary>
internal static class TemiLoss
{
    /// <summary>Computes the mean loss over heads (with gradient) and each head's loss (detached).</summary>
    /// <param name="student">Student logits, H × 2B × K (rows [0,B) anchors, [B,2B) neighbours).</param>
    /// <param name="teacher">Teacher logits, H × 2B × K (no gradient).</param>
    /// <param name="prior">Cluster prior π, H × 1 × K; updated in place before use.</param>
    /// <param name="temperature">Student and teacher temperature.</param>
    /// <param name="beta">Exponent on q·p.</param>
    /// <param name="priorMomentum">Momentum of the prior's running mean.</param>
    public static (Tensor Loss, Tensor PerHead) Compute(Tensor student, Tensor teacher, Tensor prior, double temperature, double beta, double priorMomentum)
    {
        var b = student.size(1) / 2;
        Tensor logPt, weight, logPrior;
        using (torch.no_grad())
        {
            logPt = (teacher / temperature).log_softmax(-1);
            var pt = logPt.exp();
            prior.mul_(priorMomentum).add_(pt.mean([1], keepdim: true), 1 - priorMomentum);
            weight = (pt.narrow(1, 0, b) * pt.narrow(1, b, b)).sum(-1).mean([0]);
            logPrior = prior.log();
        }
        var logQs = (student / temperature).log_softmax(-1);
        var anchorTeacher = Direction(logQs.narrow(1, b, b), logPt.narrow(1, 0, b), logPrior, beta, weight);
        var neighbourTeacher = Direction(logQs.narrow(1, 0, b), logPt.narrow(1, b, b), logPrior, beta, weight);
        var perHead = (anchorTeacher + neighbourTeacher) * 0.5;
        return (perHead.mean(), perHead.detach());
    }

    // mean_i w_i · −log Σ_k exp(β(log q + log p) − log π), per head: H.
    private static Tensor Direction(Tensor logQ, Tensor logP, Tensor logPrior, double beta, Tensor weight)
    {
        var pmi = ((logQ + logP) * beta - logPrior).logsumexp(-1);
        return -(pmi * weight).mean([1]);
    }
}
