namespace Elfs.Engine.Training;

/// <summary>Per-iteration learning-rate schedules: linear warm-up then cosine, as the reference's <c>cosine_scheduler</c>.</summary>
internal static class LearningRateSchedule
{
    /// <summary>
    /// Warm-up from 0 to <paramref name="peak"/> over <paramref name="warmupIterations"/> points (endpoints included),
    /// then cosine from peak to <paramref name="final"/> over the remaining iterations.
    /// </summary>
    public static double[] WarmupCosine(double peak, double final, int totalIterations, int warmupIterations)
    {
        var warmup = Math.Clamp(warmupIterations, 0, totalIterations);
        var values = new double[totalIterations];
        for (var i = 0; i < warmup; i++) values[i] = warmup == 1 ? peak : peak * i / (warmup - 1);
        var rest = totalIterations - warmup;
        for (var i = 0; i < rest; i++) values[warmup + i] = Cosine(peak, final, i, rest);
        return values;
    }

    /// <summary>Cosine annealing from <paramref name="peak"/> to <paramref name="final"/>; the step is clamped to the horizon.</summary>
    public static double Cosine(double peak, double final, int step, int horizon) =>
        horizon <= 0 ? peak : final + 0.5 * (peak - final) * (1 + Math.Cos(Math.PI * Math.Min(step, horizon) / horizon));
}
