namespace Elfs.Engine.Torch;

/// <summary>Maps .NET element types to libtorch's scalar types.</summary>
internal static class Dtypes
{
    internal static ScalarType Of<T>() where T : unmanaged => typeof(T) switch
    {
        var t when t == typeof(float) => ScalarType.Float32,
        var t when t == typeof(double) => ScalarType.Float64,
        var t when t == typeof(long) => ScalarType.Int64,
        var t when t == typeof(int) => ScalarType.Int32,
        var t when t == typeof(short) => ScalarType.Int16,
        var t when t == typeof(byte) => ScalarType.Byte,
        var t when t == typeof(sbyte) => ScalarType.Int8,
        var t when t == typeof(bool) => ScalarType.Bool,
        var t when t == typeof(Half) => ScalarType.Float16,
        _ => throw new NotSupportedException($"{typeof(T).Name} has no libtorch element type; use float, double, long, int, short, byte, sbyte, bool or Half"),
    };

    internal static void Require<T>(ScalarType actual, string operation) where T : unmanaged
    {
        var wanted = Of<T>();
        if (wanted != actual)
            throw new InvalidOperationException($"{operation}<{typeof(T).Name}> needs a {wanted} tensor, this one is {actual}; convert with .to(ScalarType.{wanted}) first");
    }

    internal static bool IsFloating(ScalarType t) => t is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16;
}
