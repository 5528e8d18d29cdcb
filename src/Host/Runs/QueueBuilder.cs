using System.Globalization;
using Elfs.Host.Storage;

namespace Elfs.Host.Runs;

/// <summary>
/// Turns a selection into the queue pushed to the tool: the newly selected items in rank order, each with a reason a
/// labeler can read, then the items an earlier run queued that are still unlabeled and that this run cannot score
/// (e.g. their image was unreadable this time; <see cref="Carried"/>), which the caller counts inside the budget. An
/// earlier item this run scored and did not select is dropped.
/// </summary>
public static class QueueBuilder
{
    /// <summary>Builds the queue.</summary>
    /// <param name="scores">This run's scores of every embedded candidate.</param>
    /// <param name="beta">Hard-prune ratio, for the reason text.</param>
    /// <param name="clusters">K, for the reason text.</param>
    /// <param name="kept">The earlier queue's items kept (from <see cref="Carried"/>, as many as fit the budget), in order.</param>
    /// <param name="candidates">This run's candidates (unlabeled now).</param>
    /// <param name="previousRunId">The run whose queue <paramref name="kept"/> comes from.</param>
    public static IReadOnlyList<QueueEntry> Build(
        IReadOnlyList<StoredScore> scores, double beta, int clusters, IReadOnlyList<QueueEntry> kept,
        IReadOnlyList<RunItem> candidates, string? previousRunId)
    {
        var sortedAum = scores.Select(s => s.Aum).Order().ToArray();
        var selected = scores.Where(s => s.Selected).OrderBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.ExternalId, StringComparer.Ordinal).ToList();
        var errors = candidates.ToDictionary(i => i.ExternalId, i => i.Error, StringComparer.Ordinal);
        var total = selected.Count + kept.Count;
        var queue = new List<QueueEntry>(total);
        foreach (var s in selected)
        {
            var reason = s.Reason ?? PoolReason(s, sortedAum, beta, clusters);
            queue.Add(new QueueEntry(queue.Count + 1, s.ExternalId, Score(queue.Count + 1, total), s.PseudoLabel, reason, null));
        }
        foreach (var e in kept)
        {
            var why = errors.GetValueOrDefault(e.ExternalId) ?? "it was not scored";
            var reason = $"kept from run {previousRunId}: still unlabeled, and this run could not score it ({why})";
            queue.Add(new QueueEntry(queue.Count + 1, e.ExternalId, Score(queue.Count + 1, total), e.PseudoLabel, reason, previousRunId));
        }
        return queue;
    }

    /// <summary>
    /// The items of <paramref name="previousQueue"/> a run carries over before it selects: still candidates and without a
    /// vector this run (so it cannot score them), in their earlier rank order.
    /// </summary>
    public static IReadOnlyList<QueueEntry> Carried(IReadOnlyList<QueueEntry> previousQueue, IReadOnlyList<RunItem> candidates)
    {
        var unscorable = candidates.Where(c => c.VectorKey is null).Select(c => c.ExternalId).ToHashSet(StringComparer.Ordinal);
        return previousQueue.Where(e => unscorable.Contains(e.ExternalId)).OrderBy(e => e.Rank).ToList();
    }

    // For scores without the engine's own reason (runs stored before the engine gave one).
    private static string PoolReason(StoredScore s, float[] sortedAum, double beta, int clusters)
    {
        var harderThan = 100.0 * LowerCount(sortedAum, s.Aum) / Math.Max(1, sortedAum.Length);
        return string.Create(CultureInfo.InvariantCulture,
            $"group {s.PseudoLabel} of {clusters}: harder to learn than {harderThan:0}% of the unlabeled pool, but not among the {beta * 100:0.#}% hardest (likely ambiguous or junk); the queue alternates between groups");
    }

    /// <summary>The served-sooner score of rank <paramref name="rank"/> of <paramref name="total"/>: in [0, 1), lower first.</summary>
    public static double Score(int rank, int total) => total <= 0 ? 0 : (rank - 1) / (double)total;

    private static int LowerCount(float[] sorted, float value)
    {
        var i = Array.BinarySearch(sorted, value);
        if (i < 0)
            return ~i;
        while (i > 0 && sorted[i - 1] == value)
            i--;
        return i;
    }
}
