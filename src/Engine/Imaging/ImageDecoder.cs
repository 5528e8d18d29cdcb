using System.Buffers;
using System.Text;
using Elfs.Engine.Torch;

namespace Elfs.Engine.Imaging;

/// <summary>
/// Decodes JPEG, PNG, BMP and GIF (first frame) files in parallel in native code (stb_image), resizes the shorter side,
/// center-crops and normalises them into one float batch. Dimensions and sizes are checked against the limits before
/// any pixel is decoded; a bad item gets its reason and the batch goes on without it.
/// </summary>
public static unsafe class ImageDecoder
{
    private const int ErrorStride = 512;

    /// <summary>Decodes <paramref name="images"/> with <paramref name="options"/>.</summary>
    public static DecodedImages Decode(IReadOnlyList<ReadOnlyMemory<byte>> images, ImageDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(images);
        options.Validate();
        var count = images.Count;
        var pins = new MemoryHandle[count];
        var pointers = new nint[count];
        var lengths = new long[count];
        var errors = new byte[Math.Max(1, count) * ErrorStride];
        try
        {
            for (var i = 0; i < count; i++)
            {
                pins[i] = images[i].Pin();
                pointers[i] = (nint)pins[i].Pointer;
                lengths[i] = images[i].Length;
            }
            var mean = options.Mean;
            var std = options.Std;
            Tensor batch;
            fixed (nint* data = pointers)
            fixed (long* len = lengths)
            fixed (float* m = mean)
            fixed (float* s = std)
            fixed (byte* e = errors)
            {
                batch = Tensor.Wrap(NativeMethods.elfs_image_decode_batch((byte**)data, len, count, options.Resize ?? 0,
                    options.Crop ?? 0, (int)options.Interpolation, options.Channels, m, s, options.MaxPixels,
                    options.MaxBytes, e, ErrorStride), "decoding images");
            }
            return new DecodedImages(batch, ReadErrors(errors, count));
        }
        finally
        {
            foreach (var pin in pins) pin.Dispose();
        }
    }

    private static string?[] ReadErrors(byte[] buffer, int count)
    {
        var result = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var slot = buffer.AsSpan(i * ErrorStride, ErrorStride);
            var end = slot.IndexOf((byte)0);
            if (end > 0) result[i] = Encoding.UTF8.GetString(slot[..end]);
        }
        return result;
    }
}
