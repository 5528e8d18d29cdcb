using System.Globalization;
using Elfs.Host.Storage;

namespace Elfs.Host.Runs;

/// <summary>
/// Turns a selection into the queue pushed to the tool: the newly selected items in rank order, each with a reason a
/// labeler can read, then the items an earlier run queued that are still unlabeled and that this run could not score
/// (e.g. their image was unreadable this time). An earlier item this run scored and did not select is dropped.
/// </summary>
public static class QueueBuilder
{
    /// <summary>Builds the queue.</summary>
    /// <param name="scores">This run's scores of every embedded candidate.</param>
    /// <param name="beta">Hard-prune ratio, for the reason text.</param>
    /// <param name="clusters">K, for the reason text.</param>
    /// <param name="previousQueue">The last finished run's queue, with its run id; empty when none.</param>
    /// <param name="candidates">This run's candidates (unlabeled now).</param>
    /// <param name="previousRunId">The last finished run's id.</param>
    public static IReadOnlyList<QueueEntry> Build(
        IReadOnlyList<StoredScore> scores, double beta, int clusters, IReadOnlyList<QueueEntry> previousQueue,
        IReadOnlyList<RunItem> candidates, string? previousRunId)
    {
        var sortedAum = scores.Select(s => s.Aum).Order().ToArray();
        var selected = scores.Where(s => s.Selected).OrderBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.ExternalId, StringComparer.Ordinal).ToList();
        var scored = scores.Select(s => s.ExternalId).ToHashSet(StringComparer.Ordinal);
        var unscored = candidates.Where(i => !scored.Contains(i.ExternalId)).ToDictionary(i => i.ExternalId, StringComparer.Ordinal);
        var kept = previousQueue
            .Where(e => unscored.ContainsKey(e.ExternalId))
            .OrderBy(e => e.Rank)
            .ToList();
        var total = selected.Count + kept.Count;
        var queue = new List<QueueEntry>(total);
        foreach (var s in selected)
        {
            var reason = s.Reason ?? PoolReason(s, sortedAum, beta, clusters);
            queue.Add(new QueueEntry(queue.Count + 1, s.ExternalId, Score(queue.Count + 1, total), s.PseudoLabel, reason, null));
        }
        foreach (var e in kept)
        {
            var why = unscored[e.ExternalId].Error ?? "it was not scored";
            var reason = $"kept from run {previousRunId}: still unlabeled, and this run could not score it ({why})";
            queue.Add(new QueueEntry(queue.Count + 1, e.ExternalId, Score(queue.Count + 1, total), e.PseudoLabel, reason, previousRunId));
        }
        return queue;
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
