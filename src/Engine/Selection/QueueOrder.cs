using Elfs.Engine.Training;

namespace Elfs.Engine.Selection;

/// <summary>
/// Orders the selected items for labeling so every prefix is a proportional sample of the pseudo-labels: a weighted
/// round-robin (next is the label whose next item is most "due", i.e. smallest (taken + 1) / share), and a seeded
/// shuffle inside each label.
/// </summary>
public static class QueueOrder
{
    /// <summary>The selected items in labeling order (first = label first).</summary>
    public static int[] Order(IReadOnlyList<int> selected, IReadOnlyList<int> pseudoLabels, ulong seed)
    {
        var random = SeedStreams.Random(seed, "queue");
        var groups = selected.GroupBy(i => pseudoLabels[i]).OrderBy(g => g.Key)
            .Select(g =>
            {
                var members = g.OrderBy(i => i).ToArray();
                random.Shuffle(members);
                return members;
            }).ToArray();
        return Interleave(groups);
    }

    /// <summary>Merges already-ordered groups by the weighted round-robin, keeping each group's own order.</summary>
    public static int[] Interleave(IReadOnlyList<int[]> groups)
    {
        var taken = new int[groups.Count];
        var order = new int[groups.Sum(g => g.Length)];
        var due = new PriorityQueue<int, (double Due, int Group)>();
        for (var g = 0; g < groups.Count; g++)
            if (groups[g].Length > 0) due.Enqueue(g, (1.0 / groups[g].Length, g));
        for (var position = 0; position < order.Length; position++)
        {
            var g = due.Dequeue();
            order[position] = groups[g][taken[g]++];
            if (taken[g] < groups[g].Length) due.Enqueue(g, ((taken[g] + 1.0) / groups[g].Length, g));
        }
        return order;
    }
}
