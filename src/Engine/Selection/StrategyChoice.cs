using System.Globalization;

namespace Elfs.Engine.Selection;

/// <summary>How a selection spent its budget, as the report shows it.</summary>
/// <param name="Name">
/// <c>typical-per-group</c> (most typical item of each budget-sized sub-cluster of each pseudo-class),
/// <c>stratified-per-group</c> (CCS inside each pseudo-class), or the fixed method's name (<c>elfs</c>, <c>ccs</c>, <c>random</c>, <c>prototypicality</c>).
/// </param>
/// <param name="Beta">Share of the hardest items (lowest AUM) left out: per pseudo-class for the budget-aware strategies, of all items for ELFS/CCS.</param>
/// <param name="Reason">One readable sentence: why this strategy and β.</param>
public sealed record StrategyChoice(string Name, double Beta, string Reason)
{
    /// <summary>Items per pseudo-class sub-cluster's typicality neighbourhood (TypiClust's 20 nearest neighbours).</summary>
    public const int TypicalityNeighbours = 20;

    /// <summary>The choice of a fixed method given by the caller.</summary>
    public static StrategyChoice Fixed(SelectionMethod method, double beta) => new(method.ToString().ToLowerInvariant(),
        method is SelectionMethod.Elfs or SelectionMethod.Ccs ? beta : 0,
        string.Create(CultureInfo.InvariantCulture, $"method {method.ToString().ToLowerInvariant()} was requested{(method is SelectionMethod.Elfs or SelectionMethod.Ccs ? $" with beta {beta:0.##}" : "")}"));
}
