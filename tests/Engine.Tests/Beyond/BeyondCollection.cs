namespace Elfs.Engine.Tests.Beyond;

/// <summary>
/// The issue-8 tests run on their own, after the parallel ones, so they never move the global live-tensor count that
/// other fixtures compare before and after a run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BeyondCollection
{
    public const string Name = "beyond (not parallel)";
}
