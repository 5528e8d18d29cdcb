namespace Elfs.Engine.Selection;

/// <summary>Item indices ordered by AUM ascending (hardest first), ties by index.</summary>
public static class AumOrder
{
    /// <summary>Indices 0..n-1 sorted by (score ascending, index ascending); NaN scores sort first.</summary>
    public static int[] Ascending(ReadOnlySpan<float> scores)
    {
        var keys = scores.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var c = keys[a].CompareTo(keys[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }
}
