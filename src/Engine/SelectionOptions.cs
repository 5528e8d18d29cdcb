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
    public SelectionMethod Method { get; init; } = SelectionMethod.Auto;

    /// <summary>Named hyperparameter profile: <c>paper</c> (the reference's defaults) or <c>cpu</c> (sized for a 2-core CPU).</summary>
    public string Profile { get; init; } = "cpu";

    /// <summary>Seed for every random choice; the same seed gives the same selection on the same device.</summary>
    public ulong Seed { get; init; }

    /// <summary>Compute device: <c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>
    /// Choose β without labels (ELFS only): each candidate β builds a coreset on a pool, a probe is trained on it with
    /// pseudo-labels and scored on a held-out pseudo-labeled split; <see cref="Beta"/> is then ignored.
    /// </summary>
    public bool BetaAuto { get; init; }

    /// <summary>
    /// Cosine similarity at or above which two items count as near-duplicates (ELFS only): among selected items, and
    /// between selected and <see cref="AlreadyLabeled"/> items, one is kept and the freed budget goes to the next
    /// candidate. Null turns the check off; allowed range (0, 1].
    /// </summary>
    public double? DuplicateThreshold { get; init; } = Selection.NearDuplicates.DefaultThreshold;

    /// <summary>Per input row: true when the item is already labeled (never selected; its near-copies are not selected either).</summary>
    public IReadOnlyList<bool>? AlreadyLabeled { get; init; }

    /// <summary>
    /// When true, a <see cref="Count"/> above what the candidates allow after β is lowered to the maximum
    /// (<see cref="SelectionResult.Budget"/> says so) instead of rejected. The host sets it: a budget never fails a run.
    /// </summary>
    public bool ClampBudget { get; init; }

    /// <summary>
    /// Method <see cref="SelectionMethod.Auto"/> only: force one budget-aware strategy (<c>typical-per-group</c> or
    /// <c>stratified-per-group</c>) instead of choosing it from the budget ratio; null chooses.
    /// </summary>
    public string? Strategy { get; init; }

    /// <summary>Proxy of the training dynamics: auto (per device), embedding (MLP) or image (CNN on <see cref="Images"/>).</summary>
    public Dynamics.Proxies.ProxyKind Proxy { get; init; } = Dynamics.Proxies.ProxyKind.Auto;

    /// <summary>One decoded image per row for the image proxy (owned by the caller); null when only embeddings exist.</summary>
    public Dynamics.Proxies.ImageStore? Images { get; init; }
}
