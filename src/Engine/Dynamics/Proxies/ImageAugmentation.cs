
namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>
/// The reference's training augmentation on a batch: random crop back to H × W from a reflect-padded image, and a
/// horizontal flip with probability ½, each drawn per image from a seeded <see cref="Random"/>.
/// </summary>
public static class ImageAugmentation
{
    /// <summary>Augments a normalised float batch [B, C, H, W].</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="padding">Reflect padding on every side (0 disables the crop).</param>
    /// <param name="flip">Whether to flip horizontally at random.</param>
    /// <param name="random">Seeded source of the crop offsets and flips.</param>
    public static Tensor Apply(Tensor batch, int padding, bool flip, Random random)
    {
        using var scope = torch.NewDisposeScope();
        var (b, h, w) = (batch.size(0), batch.size(2), batch.size(3));
        var padded = padding > 0 ? torch.nn.functional.pad(batch, [padding, padding, padding, padding], PaddingModes.Reflect) : batch;
        var images = new Tensor[b];
        for (var i = 0; i < b; i++)
        {
            var image = padded.select(0, i).narrow(1, random.Next(2 * padding + 1), h).narrow(2, random.Next(2 * padding + 1), w);
            images[i] = flip && random.Next(2) == 1 ? image.flip(2) : image;
        }
        return scope.MoveToOuter(torch.stack(images));
    }
}
