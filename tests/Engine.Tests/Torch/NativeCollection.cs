namespace Elfs.Engine.Tests.Torch;

/// <summary>
/// Every test class that creates native tensors joins this collection. It runs on its own (not beside other
/// collections) and its classes run one after another, so a test may compare torch.LiveTensorCount to a baseline
/// it took itself and change process-wide settings (threads, grad mode) as long as it restores them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeCollection
{
    public const string Name = "native";
}
