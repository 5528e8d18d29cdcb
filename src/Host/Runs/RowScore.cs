namespace Elfs.Host.Runs;

/// <summary>The select stage's scores of one row.</summary>
/// <param name="Row">Row index in the vectors.</param>
/// <param name="PseudoLabel">Its cluster.</param>
/// <param name="Confidence">Cluster confidence in [0, 1].</param>
/// <param name="Aum">Area under the margin (low = hard).</param>
/// <param name="Forgetting">Forgetting events.</param>
/// <param name="El2n">Error L2 norm.</param>
/// <param name="Selected">Whether it is selected.</param>
/// <param name="Rank">Queue order among the selected (1 first).</param>
/// <param name="Reason">The engine's readable reason (why it is queued, or why a notable item was left out).</param>
/// <param name="DuplicateOf">For a row dropped as a near-duplicate: the row it duplicates.</param>
public sealed record RowScore(int Row, int PseudoLabel, float Confidence, float Aum, int Forgetting, float El2n, bool Selected, int? Rank,
    string? Reason = null, int? DuplicateOf = null);
