namespace Elfs.Engine.Torch;

/// <summary>How a loss reduces over the batch; values match libtorch's.</summary>
public enum Reduction
{
    /// <summary>One loss per element.</summary>
    None = 0,
    /// <summary>The mean.</summary>
    Mean = 1,
    /// <summary>The sum.</summary>
    Sum = 2,
}
