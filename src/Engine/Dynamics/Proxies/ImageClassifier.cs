using Elfs.Engine.Training;
using TorchSharp.Modules;
namespace Elfs.Engine.Dynamics.Proxies;

/// <summary>
/// The image proxies: <see cref="ImageArchitecture.ResNet18"/> is the reference's CIFAR-style ResNet-18 (3 × 3 stride-1
/// stem, no max-pool, [2, 2, 2, 2] basic blocks of widths 64–512, global average pool, linear);
/// <see cref="ImageArchitecture.SmallCnn"/> is three conv-BN-ReLU stages (32, 64, 128; 2 × 2 max-pool after the first
/// two) for small images such as 28 × 28, about 100× cheaper.
/// </summary>
public sealed class ImageClassifier : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> features;
    private readonly Linear fc;
    private readonly ImageArchitecture architecture;

    /// <summary>Creates the network for <paramref name="channels"/>-channel images and <paramref name="classes"/> outputs.</summary>
    public ImageClassifier(ImageArchitecture architecture, int channels, int classes, torch.Generator generator)
        : base(nameof(ImageClassifier))
    {
        this.architecture = architecture;
        var stages = new List<nn.Module<Tensor, Tensor>>();
        long width;
        if (architecture == ImageArchitecture.ResNet18)
        {
            stages.Add(new ConvBnRelu(channels, 64, generator));
            long inWidth = 64;
            foreach (var (w, stride) in new (long, long)[] { (64, 1), (128, 2), (256, 2), (512, 2) })
            {
                stages.Add(new BasicBlock(inWidth, w, stride, generator));
                stages.Add(new BasicBlock(w, w, 1, generator));
                inWidth = w;
            }
            width = 512;
        }
        else
        {
            stages.Add(new ConvBnRelu(channels, 32, generator));
            stages.Add(new ConvBnRelu(32, 64, generator));
            stages.Add(new ConvBnRelu(64, 128, generator));
            width = 128;
        }
        features = nn.ModuleList(stages.ToArray());
        fc = Init.Linear(width, classes, generator);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = input;
        for (var i = 0; i < features.Count; i++)
        {
            x = features[i].forward(x);
            if (architecture == ImageArchitecture.SmallCnn && i < 2) x = torch.nn.functional.max_pool2d(x, 2);
        }
        var pooled = torch.nn.functional.adaptive_avg_pool2d(x, [1, 1]).flatten(1);
        return scope.MoveToOuter(fc.forward(pooled));
    }
}
