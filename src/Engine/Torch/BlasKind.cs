namespace Elfs.Engine.Torch;

/// <summary>The BLAS implementation behind libtorch's matrix products.</summary>
public enum BlasKind
{
    /// <summary>Could not be determined.</summary>
    Unknown,
    /// <summary>OpenBLAS (fast).</summary>
    OpenBlas,
    /// <summary>Intel MKL (fast; official libtorch builds).</summary>
    Mkl,
    /// <summary>BLIS (fast).</summary>
    Blis,
    /// <summary>The reference BLAS: correct but about 50× slower. Install libopenblas0.</summary>
    Generic,
}
