namespace Elfs.Host.Storage;

/// <summary>One candidate's scores in a run.</summary>
/// <param name="ExternalId">The tool's id.</param>
/// <param name="PseudoLabel">The cluster it was assigned to.</param>
/// <param name="Confidence">How sure the clustering is, in [0, 1].</param>
/// <param name="Aum">Area under the margin: low = hard or ambiguous, high = easy.</param>
/// <param name="Forgetting">Forgetting events during proxy training.</param>
/// <param name="El2n">Error L2 norm.</param>
/// <param name="Selected">Whether the selection picked it.</param>
/// <param name="Rank">Its queue order among the selected (1 = first).</param>
/// <param name="Reason">The engine's readable reason for it, when it has one.</param>
/// <param name="DuplicateOf">For an item dropped as a near-duplicate: the external id of the item kept instead.</param>
public sealed record StoredScore(string ExternalId, int PseudoLabel, float Confidence, float Aum, int Forgetting, float El2n, bool Selected, int? Rank,
    string? Reason = null, string? DuplicateOf = null);
