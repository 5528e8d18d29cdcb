namespace Elfs.Engine.Tests;

/// <summary>Tensors created on this thread and not yet disposed (per thread, so parallel test classes do not interfere).</summary>
internal static class LiveTensors
{
    public static long OnThisThread => DisposeScopeManager.Statistics.ThreadTotalLiveCount;
}
