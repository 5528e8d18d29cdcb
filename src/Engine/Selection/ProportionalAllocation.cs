namespace Elfs.Engine.Selection;

/// <summary>Splits a budget over groups in proportion to their sizes (largest remainder), never above a group's size.</summary>
public static class ProportionalAllocation
{
    /// <summary>Per group: items to take; sums to min(budget, Σ sizes). Ties of the remainder go to the lower group id.</summary>
    public static int[] Allocate(IReadOnlyList<int> sizes, int budget)
    {
        var allocation = new int[sizes.Count];
        var remaining = Math.Min(budget, sizes.Sum());
        // Repeat on the groups that still have room, so a capped group's share flows to the others.
        while (remaining > 0)
        {
            var open = Enumerable.Range(0, sizes.Count).Where(g => allocation[g] < sizes[g]).ToArray();
            var room = open.Sum(g => (double)sizes[g]);
            var exact = open.Select(g => remaining * sizes[g] / room).ToArray();
            var given = 0;
            for (var o = 0; o < open.Length; o++)
            {
                var take = Math.Min((int)Math.Floor(exact[o]), sizes[open[o]] - allocation[open[o]]);
                allocation[open[o]] += take;
                given += take;
            }
            var left = remaining - given;
            foreach (var o in Enumerable.Range(0, open.Length).OrderByDescending(o => exact[o] - Math.Floor(exact[o])).ThenBy(o => open[o]))
            {
                if (left == 0) break;
                if (allocation[open[o]] >= sizes[open[o]]) continue;
                allocation[open[o]]++;
                left--;
            }
            remaining = left;
        }
        return allocation;
    }
}
