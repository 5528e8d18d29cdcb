namespace Elfs.Engine.Torch;

public static unsafe partial class torch
{
    /// <summary>Uniform draws in [0, 1).</summary>
    public static Tensor rand(long[] shape, Generator generator, ScalarType dtype = float32, Device? device = null) =>
        Random(shape, dtype, device, (s, n, t, dt, di) => NativeMethods.elfs_rand(s, n, generator.Handle, t, dt, di), "rand");

    /// <summary>Standard normal draws.</summary>
    public static Tensor randn(long[] shape, Generator generator, ScalarType dtype = float32, Device? device = null) =>
        Random(shape, dtype, device, (s, n, t, dt, di) => NativeMethods.elfs_randn(s, n, generator.Handle, t, dt, di), "randn");

    /// <summary>Integers drawn uniformly from [low, high).</summary>
    public static Tensor randint(long low, long high, long[] shape, Generator generator, ScalarType dtype = int64, Device? device = null) =>
        Random(shape, dtype, device, (s, n, t, dt, di) => NativeMethods.elfs_randint(low, high, s, n, generator.Handle, t, dt, di), "randint");

    /// <summary>A random permutation of 0..n−1.</summary>
    public static Tensor randperm(long n, Generator generator, ScalarType dtype = int64, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return Tensor.Wrap(NativeMethods.elfs_randperm(n, generator.Handle, (int)dtype, (int)d.Type, d.Index), "randperm");
    }

    /// <summary>Indices drawn from each row of non-negative weights.</summary>
    public static Tensor multinomial(Tensor probabilities, long samples, bool replacement, Generator generator) =>
        Tensor.Wrap(NativeMethods.elfs_multinomial(probabilities.Handle, samples, replacement ? 1 : 0, generator.Handle), "multinomial");

    /// <summary>0/1 draws with the given probabilities.</summary>
    public static Tensor bernoulli(Tensor probabilities, Generator generator) =>
        Tensor.Wrap(NativeMethods.elfs_bernoulli(probabilities.Handle, generator.Handle), "bernoulli");

    private delegate TensorHandle RandomFactory(long* shape, int ndim, int dtype, int deviceType, int deviceIndex);

    private static Tensor Random(long[] shape, ScalarType dtype, Device? device, RandomFactory factory, string operation)
    {
        var d = device ?? Device.CPU;
        fixed (long* s = shape) return Tensor.Wrap(factory(s, shape.Length, (int)dtype, (int)d.Type, d.Index), operation);
    }
}
