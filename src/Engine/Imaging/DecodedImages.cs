using Elfs.Engine.Torch;

namespace Elfs.Engine.Imaging;

/// <summary>A decoded batch: N x C x H x W float images (failed items are zero) and each item's error or null.</summary>
/// <param name="Images">The batch tensor; owned by this object.</param>
/// <param name="Errors">Per item: null when it decoded, else the reason it did not.</param>
public sealed record DecodedImages(Tensor Images, IReadOnlyList<string?> Errors) : IDisposable
{
    /// <summary>The number of items that decoded.</summary>
    public int Succeeded => Errors.Count(e => e is null);

    /// <summary>Frees the batch tensor.</summary>
    public void Dispose() => Images.Dispose();
}
