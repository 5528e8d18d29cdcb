namespace Elfs.Engine.Torch;

/// <summary>Codes of the native binary dispatcher (tensor_math.cpp); keep the same values.</summary>
internal enum BinaryOp
{
    Add = 0, Sub = 1, Mul = 2, Div = 3, Pow = 4, Eq = 5, Ne = 6, Lt = 7, Le = 8, Gt = 9, Ge = 10,
    Maximum = 11, Minimum = 12, LogicalAnd = 13, LogicalOr = 14, Remainder = 15, FloorDivide = 16, ReverseSub = 17,
}
