namespace Elfs.Host.Runs;

/// <summary>What a run counted and decided, filled in stage by stage and stored with each state.</summary>
public sealed class RunMetrics
{
    /// <summary>Items the tool listed.</summary>
    public int TotalItems { get; set; }

    /// <summary>Of those, already labeled.</summary>
    public int Labeled { get; set; }

    /// <summary>Unlabeled items: the run's candidates.</summary>
    public int Candidates { get; set; }

    /// <summary>K used (configured, or from the tool's label configuration).</summary>
    public int Clusters { get; set; }

    /// <summary>What the tool check reported.</summary>
    public string? ToolDescription { get; set; }

    /// <summary>Candidates with a vector.</summary>
    public int Embedded { get; set; }

    /// <summary>Candidates whose image could not be read or decoded.</summary>
    public int EmbedFailed { get; set; }

    /// <summary>Vectors computed in this run.</summary>
    public int Computed { get; set; }

    /// <summary>Vectors reused from the cache.</summary>
    public int Reused { get; set; }

    /// <summary>The encoder, described.</summary>
    public string? Encoder { get; set; }

    /// <summary>Items the budget allows, out of the candidates.</summary>
    public int BudgetCount { get; set; }

    /// <summary>Items newly selected.</summary>
    public int Selected { get; set; }

    /// <summary>Items kept from an earlier queue (still unlabeled, not re-scored); they count inside the budget.</summary>
    public int Kept { get; set; }

    /// <summary>Items of the earlier queue that would have been kept but did not fit the budget (left out, reported).</summary>
    public int KeptLeftOut { get; set; }

    /// <summary>Items queued by the tool.</summary>
    public int Queued { get; set; }

    /// <summary>Items the tool refused.</summary>
    public int Rejected { get; set; }

    /// <summary>Unlabeled candidates left out as the hardest, as the engine counted them.</summary>
    public int HardPruned { get; set; }

    /// <summary>Set when the configured budget did not fit the pool and was lowered (the warning logged).</summary>
    public string? BudgetWarning { get; set; }

    /// <summary>The selection strategy the engine chose (e.g. typical-per-group).</summary>
    public string? Strategy { get; set; }

    /// <summary>β the strategy used (share of the hardest left out).</summary>
    public double? StrategyBeta { get; set; }

    /// <summary>Why the engine chose that strategy, in one sentence.</summary>
    public string? StrategyReason { get; set; }

    /// <summary>Which clustering gave the groups (TEMI or k-means) and why.</summary>
    public string? Clustering { get; set; }

    /// <summary>Device the engine used.</summary>
    public string? Device { get; set; }

    /// <summary>Where the admin sees the queue.</summary>
    public string? QueueLocation { get; set; }

    /// <summary>The report file.</summary>
    public string? ReportPath { get; set; }
}
