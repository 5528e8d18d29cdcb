using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

/// <summary>Value assertions on tensors and arrays with an absolute tolerance.</summary>
internal static class Expect
{
    public static void Close(double[] expected, double[] actual, double tolerance = 1e-6)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tolerance})\nexpected [{string.Join(", ", expected)}]\nactual   [{string.Join(", ", actual)}]");
    }

    public static void Close(float[] expected, float[] actual, double tolerance = 1e-6) =>
        Close(expected.Select(v => (double)v).ToArray(), actual.Select(v => (double)v).ToArray(), tolerance);

    /// <summary>Compares a float32 or float64 tensor's values (any shape, row-major) and optionally its shape.</summary>
    public static void Values(double[] expected, Tensor actual, double tolerance = 1e-6, long[]? shape = null)
    {
        if (shape is not null) Assert.Equal(shape, actual.shape);
        Close(expected, Doubles(actual), tolerance);
    }

    public static double[] Doubles(Tensor t)
    {
        using var d = t.to(ScalarType.Float64);
        return d.ToArray<double>();
    }

    public static long[] Longs(Tensor t)
    {
        using var d = t.to(ScalarType.Int64);
        return d.ToArray<long>();
    }
}
