namespace Elfs.Engine;

/// <summary>What to select and how; the defaults are the <c>cpu</c> profile.</summary>
public sealed record SelectionOptions
{
    /// <summary>Number of pseudo-label clusters K (2 ≤ K ≤ N), normally the number of classes.</summary>
    public required int Clusters { get; init; }

    /// <summary>Budget as a fraction of the items, in (0, 1 − <see cref="Beta"/>]; exactly one of this and <see cref="Count"/>.</summary>
    public double? Fraction { get; init; }

    /// <summary>Budget as an item count, in [1, N − round(β·N)]; exactly one of this and <see cref="Fraction"/>.</summary>
    public int? Count { get; init; }

    /// <summary>Hard-prune ratio β in [0, 1): the β·N lowest-AUM items are never selected (ELFS and CCS).</summary>
    public double Beta { get; init; } = 0.1;

    /// <summary>Selection method.</summary>
    public SelectionMethod Method { get; init; } = SelectionMethod.Elfs;

    /// <summary>Named hyperparameter profile: <c>paper</c> (the reference's defaults) or <c>cpu</c> (sized for a 2-core CPU).</summary>
    public string Profile { get; init; } = "cpu";

    /// <summary>Seed for every random choice; the same seed gives the same selection on the same device.</summary>
    public ulong Seed { get; init; }

    /// <summary>Compute device: <c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; init; } = "auto";
}
