namespace Elfs.Engine.Imaging;

/// <summary>Weight-free image features in plain C#.</summary>
public static class ImageFeatures
{
    /// <summary>The length of one image's <see cref="Hog"/> features.</summary>
    public static int HogLength(int height, int width, int cell, int bins = 18) => (height / cell - 1) * (width / cell - 1) * 4 * bins;

    /// <summary>
    /// Histograms of oriented gradients of <paramref name="count"/> single-channel images (each height x width, row-major,
    /// one after another): centred [-1,0,1] gradients with zero padding, <paramref name="bins"/> signed orientation bins
    /// over 360° with linear voting, cells of <paramref name="cell"/> x <paramref name="cell"/> pixels, blocks of 2x2
    /// cells at stride 1 normalised with L2-Hys (clip 0.2). Returns count x <see cref="HogLength"/> floats, each block
    /// ordered (bin, cell-row, cell-col). Images are processed in parallel.
    /// </summary>
    public static float[] Hog(ReadOnlySpan<float> images, int count, int height, int width, int cell, int bins = 18)
    {
        if (cell < 1) throw new ArgumentOutOfRangeException(nameof(cell), cell, "cell must be at least 1 pixel");
        if (bins < 2) throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be at least 2");
        if (count < 0 || height < 1 || width < 1 || images.Length != (long)count * height * width)
            throw new ArgumentException($"images holds {images.Length} floats, not {count} x {height} x {width}");
        if (height / cell < 2 || width / cell < 2)
            throw new ArgumentException($"a {height}x{width} image holds fewer than 2x2 cells of {cell} pixels");
        var length = HogLength(height, width, cell, bins);
        var output = new float[count * length];
        var source = images.ToArray();
        Parallel.For(0, count, i =>
            HogOne(source.AsSpan(i * height * width, height * width), height, width, cell, bins, output.AsSpan(i * length, length)));
        return output;
    }

    private static void HogOne(ReadOnlySpan<float> x, int h, int w, int cell, int bins, Span<float> output)
    {
        int cy = h / cell, cx = w / cell;
        var hist = new float[cy * cx * bins];
        const double twoPi = 2.0 * Math.PI;
        for (var i = 0; i < cy * cell; i++)
            for (var j = 0; j < cx * cell; j++)
            {
                var right = j + 1 < w ? x[i * w + j + 1] : 0f;
                var left = j > 0 ? x[i * w + j - 1] : 0f;
                var down = i + 1 < h ? x[(i + 1) * w + j] : 0f;
                var up = i > 0 ? x[(i - 1) * w + j] : 0f;
                double gx = right - left, gy = down - up;
                var m = Math.Sqrt(gx * gx + gy * gy);
                if (m == 0.0) continue;
                var theta = Math.Atan2(gy, gx) % twoPi;
                if (theta < 0) theta += twoPi;
                var a = theta / twoPi * bins - 0.5;
                var lo = Math.Floor(a);
                var f = a - lo;
                var b0 = ((int)lo % bins + bins) % bins;
                var b1 = (b0 + 1) % bins;
                var o = ((i / cell) * cx + j / cell) * bins;
                hist[o + b0] += (float)(m * (1.0 - f));
                hist[o + b1] += (float)(m * f);
            }
        var block = 4 * bins;
        Span<double> v = stackalloc double[block];
        for (var by = 0; by + 1 < cy; by++)
            for (var bx = 0; bx + 1 < cx; bx++)
            {
                for (var b = 0; b < bins; b++)
                    for (var dr = 0; dr < 2; dr++)
                        for (var dc = 0; dc < 2; dc++)
                            v[b * 4 + dr * 2 + dc] = hist[((by + dr) * cx + bx + dc) * bins + b];
                for (var pass = 0; pass < 2; pass++)
                {
                    var norm = 0.0;
                    foreach (var e in v) norm += e * e;
                    norm = Math.Sqrt(norm) + 1e-6;
                    for (var k = 0; k < block; k++) v[k] = pass == 0 ? Math.Min(v[k] / norm, 0.2) : v[k] / norm;
                }
                var dst = output.Slice((by * (cx - 1) + bx) * block, block);
                for (var k = 0; k < block; k++) dst[k] = (float)v[k];
            }
    }
}
