namespace Elfs.Engine.Selection;

/// <summary>The outcome of <see cref="BetaSearch.Choose"/>.</summary>
/// <param name="Beta">The chosen β.</param>
/// <param name="Candidates">Every β tried.</param>
/// <param name="Accuracies">Held-out pseudo-label accuracy of the probe per candidate, in [0, 1].</param>
/// <param name="HeldOut">Number of held-out items the accuracies are measured on.</param>
public sealed record BetaSearchResult(double Beta, IReadOnlyList<double> Candidates, IReadOnlyList<double> Accuracies, int HeldOut);
