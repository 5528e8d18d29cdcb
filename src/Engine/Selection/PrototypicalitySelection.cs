namespace Elfs.Engine.Selection;

/// <summary>
/// The prototypicality baseline (Sorscher et al., elfs-spec §6): keep the <c>budget</c> items farthest from their
/// nearest k-means centroid, i.e. the least prototypical; ties by index.
/// </summary>
public static class PrototypicalitySelection
{
    /// <summary>Indices with the largest distances first.</summary>
    public static int[] Select(ReadOnlySpan<float> distanceToCentroid, int budget)
    {
        var negated = new float[distanceToCentroid.Length];
        for (var i = 0; i < negated.Length; i++) negated[i] = -distanceToCentroid[i];
        return AumOrder.Ascending(negated).AsSpan(0, budget).ToArray();
    }
}
