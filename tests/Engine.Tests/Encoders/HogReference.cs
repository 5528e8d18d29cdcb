namespace Elfs.Engine.Tests.Encoders;

/// <summary>A direct, slow transcription of research/weight-free-encoders.md §1.4 steps 2-5 for one image.</summary>
internal static class HogReference
{
    public static double[] Compute(float[,] x, int cell, int bins = 18)
    {
        int h = x.GetLength(0), w = x.GetLength(1), cy = h / cell, cx = w / cell;
        float At(int i, int j) => i < 0 || j < 0 || i >= h || j >= w ? 0f : x[i, j];
        var hist = new double[cy, cx, bins];
        for (var i = 0; i < cy * cell; i++)
            for (var j = 0; j < cx * cell; j++)
            {
                double gx = At(i, j + 1) - At(i, j - 1), gy = At(i + 1, j) - At(i - 1, j);
                var m = Math.Sqrt(gx * gx + gy * gy);
                var theta = Math.Atan2(gy, gx) % (2 * Math.PI);
                if (theta < 0) theta += 2 * Math.PI;
                var a = theta / (2 * Math.PI) * bins;
                var lo = (int)Math.Floor(a - 0.5);
                var f = a - 0.5 - lo;
                hist[i / cell, j / cell, ((lo % bins) + bins) % bins] += m * (1 - f);
                hist[i / cell, j / cell, (lo + 1 + bins) % bins] += m * f;
            }
        var result = new List<double>();
        for (var by = 0; by < cy - 1; by++)
            for (var bx = 0; bx < cx - 1; bx++)
            {
                var v = new double[4 * bins];
                for (var b = 0; b < bins; b++)
                    for (var dr = 0; dr < 2; dr++)
                        for (var dc = 0; dc < 2; dc++)
                            v[b * 4 + dr * 2 + dc] = hist[by + dr, bx + dc, b];
                var n = Math.Sqrt(v.Sum(e => e * e)) + 1e-6;
                v = v.Select(e => Math.Min(e / n, 0.2)).ToArray();
                n = Math.Sqrt(v.Sum(e => e * e)) + 1e-6;
                result.AddRange(v.Select(e => e / n));
            }
        return [.. result];
    }
}
