namespace Elfs.Host.Runs;

/// <summary>The select stage's result.</summary>
/// <param name="Rows">Scores of every row.</param>
/// <param name="Timings">Time per engine stage.</param>
/// <param name="Device">The device the engine used.</param>
public sealed record SelectionOutcome(IReadOnlyList<RowScore> Rows, IReadOnlyDictionary<string, TimeSpan> Timings, string Device);
