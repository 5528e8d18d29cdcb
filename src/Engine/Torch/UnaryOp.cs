namespace Elfs.Engine.Torch;

/// <summary>Codes of the native unary dispatcher (tensor_math.cpp); keep the same order.</summary>
internal enum UnaryOp
{
    Neg, Exp, Log, Sqrt, Abs, Relu, Gelu, Sigmoid, Tanh, Sign, Floor, Ceil, Round, LogicalNot, Rsqrt, Square, Log1p,
    IsNan, IsFinite, Reciprocal,
}
