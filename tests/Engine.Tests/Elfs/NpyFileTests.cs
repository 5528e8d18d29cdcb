using System.Text;
using Elfs.Engine.IO;

namespace Elfs.Engine.Tests.Elfs;

public sealed class NpyFileTests
{
    private static byte[] NpyBytes(string descr, string shape, byte[] payload, string fortran = "False")
    {
        var dict = $"{{'descr': '{descr}', 'fortran_order': {fortran}, 'shape': {shape}, }}";
        var pad = (64 - (10 + dict.Length + 1) % 64) % 64;
        var header = Encoding.ASCII.GetBytes(dict + new string(' ', pad) + "\n");
        return [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)header.Length, (byte)(header.Length >> 8), .. header, .. payload];
    }

    [Fact]
    public void RoundTripsFloat32()
    {
        float[] data = [1, -2.5f, 3.25f, 0, float.MaxValue, 1e-7f];
        using var stream = new MemoryStream();
        NpyFile.Write(stream, data, 2, 3);
        Assert.Equal(0, (int)(stream.Length - 4 * data.Length) % 64);
        stream.Position = 0;
        var m = NpyFile.Read(stream);
        Assert.Equal((2, 3), (m.Rows, m.Cols));
        Assert.Equal(data, m.Data);
    }

    [Fact]
    public void ReadsFloat16()
    {
        var payload = new[] { (Half)1.5, (Half)(-2), (Half)0.25, (Half)100 }.SelectMany(h => BitConverter.GetBytes(h)).ToArray();
        var m = NpyFile.Read(new MemoryStream(NpyBytes("<f2", "(2, 2)", payload)));
        Assert.Equal([1.5f, -2f, 0.25f, 100f], m.Data);
    }

    [Theory]
    [InlineData("<f8", "(2, 2)", "False", "dtype '<f8'")]
    [InlineData("<i4", "(2, 2)", "False", "dtype '<i4'")]
    [InlineData("<f4", "(4,)", "False", "1 dimension")]
    [InlineData("<f4", "(2, 2)", "True", "fortran_order")]
    public void RejectsUnsupportedArraysNamingTheProblem(string descr, string shape, string fortran, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => NpyFile.Read(new MemoryStream(NpyBytes(descr, shape, new byte[32], fortran)), "x.npy"));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("x.npy", e.Message);
    }

    [Fact]
    public void RejectsFilesThatAreNotNpy()
    {
        Assert.Throws<InvalidDataException>(() => NpyFile.Read(new MemoryStream(Encoding.ASCII.GetBytes("1,2,3\n4,5,6\n"))));
    }
}
