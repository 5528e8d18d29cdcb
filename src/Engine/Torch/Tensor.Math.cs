namespace Elfs.Engine.Torch;

public partial class Tensor
{
    private Tensor Unary(UnaryOp op) => Wrap(NativeMethods.elfs_unary((int)op, Handle), op.ToString().ToLowerInvariant());

    private Tensor Binary(BinaryOp op, Tensor other) => Wrap(NativeMethods.elfs_binary((int)op, Handle, other.Handle), op.ToString().ToLowerInvariant());

    // An integer tensor keeps its type only with a whole scalar; 2.5 must stay 2.5 (x.eq(2.5) is false for x = 2).
    private Tensor Binary(BinaryOp op, double scalar, bool integral = false) =>
        Wrap(NativeMethods.elfs_binary_scalar((int)op, Handle, scalar, integral && scalar == Math.Floor(scalar) ? 1 : 0), op.ToString().ToLowerInvariant());

    private Tensor InPlace(BinaryOp op, Tensor other)
    {
        TorchException.Check(NativeMethods.elfs_binary_((int)op, Handle, other.Handle), op.ToString().ToLowerInvariant() + "_");
        return this;
    }

    private Tensor InPlace(BinaryOp op, double scalar)
    {
        TorchException.Check(NativeMethods.elfs_binary_scalar_((int)op, Handle, scalar, 0), op.ToString().ToLowerInvariant() + "_");
        return this;
    }

    /// <summary>Elementwise sum.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => a.Binary(BinaryOp.Add, b);
    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Tensor a, double b) => a.Binary(BinaryOp.Add, b);
    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(double a, Tensor b) => b.Binary(BinaryOp.Add, a);
    /// <summary>Elementwise difference.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => a.Binary(BinaryOp.Sub, b);
    /// <summary>Subtracts a scalar.</summary>
    public static Tensor operator -(Tensor a, double b) => a.Binary(BinaryOp.Sub, b);
    /// <summary>A scalar minus each element.</summary>
    public static Tensor operator -(double a, Tensor b) => b.Binary(BinaryOp.ReverseSub, a);
    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => a.Unary(UnaryOp.Neg);
    /// <summary>Elementwise product.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => a.Binary(BinaryOp.Mul, b);
    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Tensor a, double b) => a.Binary(BinaryOp.Mul, b);
    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(double a, Tensor b) => b.Binary(BinaryOp.Mul, a);
    /// <summary>Elementwise quotient.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => a.Binary(BinaryOp.Div, b);
    /// <summary>Divides by a scalar.</summary>
    public static Tensor operator /(Tensor a, double b) => a.Binary(BinaryOp.Div, b);
    /// <summary>A scalar divided by each element.</summary>
    public static Tensor operator /(double a, Tensor b)
    {
        using var r = b.reciprocal();
        return r * a;
    }

    /// <summary>Elementwise sum.</summary>
    public Tensor add(Tensor other) => Binary(BinaryOp.Add, other);
    /// <summary>Adds a scalar.</summary>
    public Tensor add(double scalar) => Binary(BinaryOp.Add, scalar);
    /// <summary>Elementwise difference.</summary>
    public Tensor sub(Tensor other) => Binary(BinaryOp.Sub, other);
    /// <summary>Elementwise product.</summary>
    public Tensor mul(Tensor other) => Binary(BinaryOp.Mul, other);
    /// <summary>Multiplies by a scalar.</summary>
    public Tensor mul(double scalar) => Binary(BinaryOp.Mul, scalar);
    /// <summary>Elementwise quotient.</summary>
    public Tensor div(Tensor other) => Binary(BinaryOp.Div, other);
    /// <summary>Elementwise power.</summary>
    public Tensor pow(Tensor exponent) => Binary(BinaryOp.Pow, exponent);
    /// <summary>Raises each element to a power.</summary>
    public Tensor pow(double exponent) => Binary(BinaryOp.Pow, exponent);
    /// <summary>Elementwise remainder (sign of the divisor).</summary>
    public Tensor remainder(double divisor) => Binary(BinaryOp.Remainder, divisor, integral: !Dtypes.IsFloating(dtype));
    /// <summary>Elementwise floor division.</summary>
    public Tensor floor_divide(double divisor) => Binary(BinaryOp.FloorDivide, divisor, integral: !Dtypes.IsFloating(dtype));
    /// <summary>Elementwise maximum of two tensors.</summary>
    public Tensor maximum(Tensor other) => Binary(BinaryOp.Maximum, other);
    /// <summary>Elementwise minimum of two tensors.</summary>
    public Tensor minimum(Tensor other) => Binary(BinaryOp.Minimum, other);
    /// <summary>Each element, at least <paramref name="min"/>.</summary>
    public Tensor clamp_min(double min) => Binary(BinaryOp.Maximum, min);
    /// <summary>Each element, at most <paramref name="max"/>.</summary>
    public Tensor clamp_max(double max) => Binary(BinaryOp.Minimum, max);

    /// <summary>Elements limited to [min, max]; either bound may be omitted.</summary>
    public Tensor clamp(double? min = null, double? max = null) =>
        Wrap(NativeMethods.elfs_clamp(Handle, min ?? 0, min.HasValue ? 1 : 0, max ?? 0, max.HasValue ? 1 : 0), "clamp");

    /// <summary>Elementwise equality.</summary>
    public Tensor eq(Tensor other) => Binary(BinaryOp.Eq, other);
    /// <summary>Equality with a scalar.</summary>
    public Tensor eq(double scalar) => Binary(BinaryOp.Eq, scalar, integral: !Dtypes.IsFloating(dtype));
    /// <summary>Elementwise inequality.</summary>
    public Tensor ne(Tensor other) => Binary(BinaryOp.Ne, other);
    /// <summary>Inequality with a scalar.</summary>
    public Tensor ne(double scalar) => Binary(BinaryOp.Ne, scalar, integral: !Dtypes.IsFloating(dtype));
    /// <summary>Elementwise less-than.</summary>
    public Tensor lt(Tensor other) => Binary(BinaryOp.Lt, other);
    /// <summary>Less-than a scalar.</summary>
    public Tensor lt(double scalar) => Binary(BinaryOp.Lt, scalar);
    /// <summary>Elementwise less-or-equal.</summary>
    public Tensor le(Tensor other) => Binary(BinaryOp.Le, other);
    /// <summary>Less-or-equal a scalar.</summary>
    public Tensor le(double scalar) => Binary(BinaryOp.Le, scalar);
    /// <summary>Elementwise greater-than.</summary>
    public Tensor gt(Tensor other) => Binary(BinaryOp.Gt, other);
    /// <summary>Greater-than a scalar.</summary>
    public Tensor gt(double scalar) => Binary(BinaryOp.Gt, scalar);
    /// <summary>Elementwise greater-or-equal.</summary>
    public Tensor ge(Tensor other) => Binary(BinaryOp.Ge, other);
    /// <summary>Greater-or-equal a scalar.</summary>
    public Tensor ge(double scalar) => Binary(BinaryOp.Ge, scalar);
    /// <summary>Elementwise logical and.</summary>
    public Tensor logical_and(Tensor other) => Binary(BinaryOp.LogicalAnd, other);
    /// <summary>Elementwise logical or.</summary>
    public Tensor logical_or(Tensor other) => Binary(BinaryOp.LogicalOr, other);
    /// <summary>Elementwise logical not.</summary>
    public Tensor logical_not() => Unary(UnaryOp.LogicalNot);

    /// <summary>e^x.</summary>
    public Tensor exp() => Unary(UnaryOp.Exp);
    /// <summary>Natural logarithm.</summary>
    public Tensor log() => Unary(UnaryOp.Log);
    /// <summary>log(1 + x).</summary>
    public Tensor log1p() => Unary(UnaryOp.Log1p);
    /// <summary>Square root.</summary>
    public Tensor sqrt() => Unary(UnaryOp.Sqrt);
    /// <summary>1 / sqrt(x).</summary>
    public Tensor rsqrt() => Unary(UnaryOp.Rsqrt);
    /// <summary>x².</summary>
    public Tensor square() => Unary(UnaryOp.Square);
    /// <summary>1 / x.</summary>
    public Tensor reciprocal() => Unary(UnaryOp.Reciprocal);
    /// <summary>Absolute value.</summary>
    public Tensor abs() => Unary(UnaryOp.Abs);
    /// <summary>Negation.</summary>
    public Tensor neg() => Unary(UnaryOp.Neg);
    /// <summary>Sign (−1, 0, 1).</summary>
    public Tensor sign() => Unary(UnaryOp.Sign);
    /// <summary>Round down.</summary>
    public Tensor floor() => Unary(UnaryOp.Floor);
    /// <summary>Round up.</summary>
    public Tensor ceil() => Unary(UnaryOp.Ceil);
    /// <summary>Round half to even.</summary>
    public Tensor round() => Unary(UnaryOp.Round);
    /// <summary>max(x, 0).</summary>
    public Tensor relu() => Unary(UnaryOp.Relu);
    /// <summary>GELU (exact, erf form).</summary>
    public Tensor gelu() => Unary(UnaryOp.Gelu);
    /// <summary>Logistic sigmoid.</summary>
    public Tensor sigmoid() => Unary(UnaryOp.Sigmoid);
    /// <summary>Hyperbolic tangent.</summary>
    public Tensor tanh() => Unary(UnaryOp.Tanh);
    /// <summary>True where the element is NaN.</summary>
    public Tensor isnan() => Unary(UnaryOp.IsNan);
    /// <summary>True where the element is finite.</summary>
    public Tensor isfinite() => Unary(UnaryOp.IsFinite);

    /// <summary>Matrix product of two 2-D tensors.</summary>
    public Tensor mm(Tensor other) => Wrap(NativeMethods.elfs_mm(Handle, other.Handle), "mm");
    /// <summary>Broadcasting matrix product.</summary>
    public Tensor matmul(Tensor other) => Wrap(NativeMethods.elfs_matmul(Handle, other.Handle), "matmul");
    /// <summary>Batched matrix product of two 3-D tensors.</summary>
    public Tensor bmm(Tensor other) => Wrap(NativeMethods.elfs_bmm(Handle, other.Handle), "bmm");
    /// <summary>beta·this + alpha·(a ⋅ b), batched.</summary>
    public Tensor baddbmm(Tensor a, Tensor b, double beta = 1, double alpha = 1) => Wrap(NativeMethods.elfs_baddbmm(Handle, a.Handle, b.Handle, beta, alpha), "baddbmm");
    /// <summary>beta·this + alpha·(a ⋅ b).</summary>
    public Tensor addmm(Tensor a, Tensor b, double beta = 1, double alpha = 1) => Wrap(NativeMethods.elfs_addmm(Handle, a.Handle, b.Handle, beta, alpha), "addmm");

    /// <summary>In place: this += other.</summary>
    public Tensor add_(Tensor other) => InPlace(BinaryOp.Add, other);
    /// <summary>In place: this += alpha·other.</summary>
    public Tensor add_(Tensor other, double alpha)
    {
        TorchException.Check(NativeMethods.elfs_add_scaled_(Handle, other.Handle, alpha), "add_");
        return this;
    }
    /// <summary>In place: this += scalar.</summary>
    public Tensor add_(double scalar) => InPlace(BinaryOp.Add, scalar);
    /// <summary>In place: this −= other.</summary>
    public Tensor sub_(Tensor other) => InPlace(BinaryOp.Sub, other);
    /// <summary>In place: this ·= other.</summary>
    public Tensor mul_(Tensor other) => InPlace(BinaryOp.Mul, other);
    /// <summary>In place: this ·= scalar.</summary>
    public Tensor mul_(double scalar) => InPlace(BinaryOp.Mul, scalar);
    /// <summary>In place: this /= other.</summary>
    public Tensor div_(Tensor other) => InPlace(BinaryOp.Div, other);
    /// <summary>In place: this /= scalar.</summary>
    public Tensor div_(double scalar) => InPlace(BinaryOp.Div, scalar);
    /// <summary>In place: at least <paramref name="min"/>.</summary>
    public Tensor clamp_min_(double min) => InPlace(BinaryOp.Maximum, min);
    /// <summary>In place: this += value·t1·t2.</summary>
    public Tensor addcmul_(Tensor t1, Tensor t2, double value = 1)
    {
        TorchException.Check(NativeMethods.elfs_addcmul_(Handle, t1.Handle, t2.Handle, value), "addcmul_");
        return this;
    }
    /// <summary>In place: this += value·t1/t2.</summary>
    public Tensor addcdiv_(Tensor t1, Tensor t2, double value = 1)
    {
        TorchException.Check(NativeMethods.elfs_addcdiv_(Handle, t1.Handle, t2.Handle, value), "addcdiv_");
        return this;
    }
    /// <summary>In place: this += weight·(end − this).</summary>
    public Tensor lerp_(Tensor end, double weight)
    {
        TorchException.Check(NativeMethods.elfs_lerp_(Handle, end.Handle, weight), "lerp_");
        return this;
    }
    /// <summary>In place: copies <paramref name="source"/> (broadcast) into this tensor.</summary>
    public Tensor copy_(Tensor source)
    {
        TorchException.Check(NativeMethods.elfs_copy_(Handle, source.Handle), "copy_");
        return this;
    }
    /// <summary>In place: every element set to <paramref name="value"/>.</summary>
    public Tensor fill_(double value)
    {
        TorchException.Check(NativeMethods.elfs_fill_(Handle, value, Dtypes.IsFloating(dtype) ? 0 : 1), "fill_");
        return this;
    }
    /// <summary>In place: every element set to zero.</summary>
    public Tensor zero_()
    {
        TorchException.Check(NativeMethods.elfs_zero_(Handle), "zero_");
        return this;
    }
    /// <summary>In place: elements where <paramref name="mask"/> is true set to <paramref name="value"/>.</summary>
    public Tensor masked_fill_(Tensor mask, double value)
    {
        TorchException.Check(NativeMethods.elfs_masked_fill_(Handle, mask.Handle, value, Dtypes.IsFloating(dtype) ? 0 : 1), "masked_fill_");
        return this;
    }
    /// <summary>In place: fills with draws from U(from, to) using <paramref name="generator"/>.</summary>
    public Tensor uniform_(double from, double to, Generator generator)
    {
        TorchException.Check(NativeMethods.elfs_uniform_(Handle, from, to, generator.Handle), "uniform_");
        return this;
    }
    /// <summary>In place: fills with draws from N(mean, std²) using <paramref name="generator"/>.</summary>
    public Tensor normal_(double mean, double std, Generator generator)
    {
        TorchException.Check(NativeMethods.elfs_normal_(Handle, mean, std, generator.Handle), "normal_");
        return this;
    }
}
