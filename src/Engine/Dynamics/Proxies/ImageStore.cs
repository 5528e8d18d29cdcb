
namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>
/// Images decoded once into one compact uint8 tensor [N, C, H, W] (60,000 Fashion-MNIST images = 47 MB), kept on the
/// CPU; batches are gathered, converted and moved to the device per step, so nothing is decoded per epoch.
/// </summary>
public sealed class ImageStore : IDisposable
{
    private ImageStore(Tensor pixels, float[] mean, float[] std)
    {
        Pixels = pixels;
        Mean = mean;
        Std = std;
    }

    /// <summary>The uint8 pixels [N, C, H, W].</summary>
    public Tensor Pixels { get; }

    /// <summary>Number of images N.</summary>
    public int Count => (int)Pixels.size(0);

    /// <summary>Channels C.</summary>
    public int Channels => (int)Pixels.size(1);

    /// <summary>Height H.</summary>
    public int Height => (int)Pixels.size(2);

    /// <summary>Width W.</summary>
    public int Width => (int)Pixels.size(3);

    /// <summary>Per-channel mean of the pixels scaled to [0, 1].</summary>
    public IReadOnlyList<float> Mean { get; }

    /// <summary>Per-channel standard deviation of the pixels scaled to [0, 1] (at least 1e-3).</summary>
    public IReadOnlyList<float> Std { get; }

    /// <summary>Copies row-major N × C × H × W bytes into a store; the normalisation is measured on the data itself.</summary>
    /// <exception cref="ArgumentException">The sizes do not match the data.</exception>
    public static ImageStore FromBytes(ReadOnlySpan<byte> pixels, int count, int channels, int height, int width)
    {
        if (count < 1 || channels < 1 || height < 1 || width < 1)
            throw new ArgumentException($"image store shape {count} x {channels} x {height} x {width} must be positive", nameof(count));
        if (pixels.Length != (long)count * channels * height * width)
            throw new ArgumentException($"{pixels.Length} bytes do not hold {count} x {channels} x {height} x {width} pixels", nameof(pixels));
        var plane = (long)height * width;
        var sum = new double[channels];
        var squares = new double[channels];
        for (long i = 0; i < pixels.Length; i++)
        {
            var c = (int)(i / plane % channels);
            var v = pixels[(int)i] / 255.0;
            sum[c] += v;
            squares[c] += v * v;
        }
        var n = (double)count * plane;
        var mean = sum.Select(s => (float)(s / n)).ToArray();
        var std = squares.Select((s, c) => (float)Math.Max(Math.Sqrt(Math.Max(s / n - mean[c] * (double)mean[c], 0)), 1e-3)).ToArray();
        var tensor = TensorData.FromSpan<byte>(pixels, [count, channels, height, width]).DetachFromDisposeScope();
        return new ImageStore(tensor, mean, std);
    }

    /// <summary>The images at <paramref name="items"/> as normalised float32 [B, C, H, W] on <paramref name="device"/>.</summary>
    public Tensor Batch(ReadOnlySpan<long> items, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var index = TensorData.FromSpan(items, [items.Length]);
        var x = Pixels.index_select(0, index).to(torch.float32, device) / 255.0;
        var shape = new long[] { 1, Channels, 1, 1 };
        var mean = torch.tensor(Mean.ToArray(), shape).to(device);
        var std = torch.tensor(Std.ToArray(), shape).to(device);
        return scope.MoveToOuter((x - mean) / std);
    }

    /// <inheritdoc />
    public void Dispose() => Pixels.Dispose();
}
