using System.Runtime.CompilerServices;
using Elfs.Engine.Torch;

namespace Elfs.Engine.Tests.Torch;

[Collection(NativeCollection.Name)]
public sealed class DisposeScopeTests
{
    [Fact]
    public void AScopeFreesEveryTensorCreatedInside()
    {
        var before = torch.LiveTensorCount;
        Tensor a, b;
        using (var scope = torch.NewDisposeScope())
        {
            a = torch.ones([3]);
            b = (a * 2).exp();
            Assert.Equal(3, scope.Count); // a, a·2, exp
            Assert.Equal(before + 3, torch.LiveTensorCount);
        }
        Assert.True(a.IsInvalid);
        Assert.True(b.IsInvalid);
        Assert.Equal(before, torch.LiveTensorCount);
    }

    [Fact]
    public void MoveToOuterHandsTheTensorToTheEnclosingScope()
    {
        var before = torch.LiveTensorCount;
        Tensor kept;
        using (var outer = torch.NewDisposeScope())
        {
            using (var inner = torch.NewDisposeScope())
            {
                var x = torch.ones([2]);
                kept = inner.MoveToOuter(x + 1);
                Assert.Equal(1, inner.Count);
            }
            Assert.False(kept.IsInvalid);
            Expect.Values([2, 2], kept);
            Assert.Equal(1, outer.Count);
        }
        Assert.True(kept.IsInvalid);
        Assert.Equal(before, torch.LiveTensorCount);
    }

    [Fact]
    public void MoveToOuterDisposeScopeOnTheTensorDoesTheSame()
    {
        Tensor kept;
        using (var outer = torch.NewDisposeScope())
        {
            using (torch.NewDisposeScope()) kept = torch.zeros([1]).MoveToOuterDisposeScope();
            Assert.False(kept.IsInvalid);
        }
        Assert.True(kept.IsInvalid);
    }

    [Fact]
    public void MovingOutOfTheOutermostScopeLeavesTheCallerOwningIt()
    {
        var before = torch.LiveTensorCount;
        Tensor kept;
        using (var scope = torch.NewDisposeScope()) kept = scope.MoveToOuter(torch.ones([1]));
        Assert.False(kept.IsInvalid);
        using (torch.NewDisposeScope()) { } // a later scope does not adopt it
        Assert.False(kept.IsInvalid);
        kept.Dispose();
        Assert.Equal(before, torch.LiveTensorCount);
    }

    [Fact]
    public void DetachFromDisposeScopeSurvivesEveryScope()
    {
        var before = torch.LiveTensorCount;
        Tensor kept;
        using (torch.NewDisposeScope())
        using (var inner = torch.NewDisposeScope())
        {
            kept = torch.ones([1]).DetachFromDisposeScope();
            Assert.Equal(0, inner.Count);
        }
        Assert.False(kept.IsInvalid);
        Assert.Equal(before + 1, torch.LiveTensorCount);
        kept.Dispose();
        Assert.Equal(before, torch.LiveTensorCount);
    }

    [Fact]
    public void DisposingInsideAScopeRemovesTheTensorFromIt()
    {
        var before = torch.LiveTensorCount;
        using (var scope = torch.NewDisposeScope())
        {
            var t = torch.ones([1]);
            t.Dispose();
            Assert.Equal(0, scope.Count);
        }
        Assert.Equal(before, torch.LiveTensorCount);
    }

    [Fact]
    public void ScopesBelongToTheirThread()
    {
        Tensor? fromOtherThread = null;
        using (var scope = torch.NewDisposeScope())
        {
            var thread = new Thread(() => fromOtherThread = torch.ones([1]));
            thread.Start();
            thread.Join();
            Assert.Equal(0, scope.Count);
        }
        Assert.NotNull(fromOtherThread);
        Assert.False(fromOtherThread.IsInvalid);
        fromOtherThread.Dispose();
    }

    [Fact]
    public void TheLiveCounterCountsHandles()
    {
        var before = torch.LiveTensorCount;
        var t = torch.ones([1]);
        var alias = t.alias();
        Assert.Equal(before + 2, torch.LiveTensorCount);
        alias.Dispose();
        Assert.False(t.IsInvalid); // an alias shares data but has its own handle
        t.Dispose();
        Assert.Equal(before, torch.LiveTensorCount);
    }

    [Fact]
    public void ScopesDisposedOutOfOrderDoNotAdoptLaterTensors()
    {
        var outer = torch.NewDisposeScope();
        var inner = torch.NewDisposeScope();
        outer.Dispose();
        inner.Dispose();
        var kept = torch.ones([1]);
        Assert.Null(kept.Scope); // created outside every live scope
        Tensor moved;
        using (var live = torch.NewDisposeScope())
        {
            using (var nested = torch.NewDisposeScope()) moved = nested.MoveToOuter(torch.ones([1]));
            Assert.Same(live, moved.Scope);
        }
        Assert.True(moved.IsInvalid);
        kept.Dispose();
    }

    [Fact]
    public void AScopeDisposedOnAnotherThreadStopsCollectingOnItsOwn()
    {
        var scope = torch.NewDisposeScope();
        var thread = new Thread(scope.Dispose);
        thread.Start();
        thread.Join();
        using var later = torch.ones([1]);
        Assert.Null(later.Scope);
    }

    [Fact]
    public void MoveToOuterOfATensorFromAnotherScopeLeavesItWhereItIs()
    {
        Tensor a;
        using (var outer = torch.NewDisposeScope())
        {
            a = torch.ones([1]);
            using (torch.NewDisposeScope())
            using (var inner = torch.NewDisposeScope())
                Assert.Same(a, inner.MoveToOuter(a)); // not inner's to move
            Assert.Same(outer, a.Scope);
            a.DetachFromDisposeScope();
        }
        Assert.False(a.IsInvalid);
        a.Dispose();
    }

    [Fact]
    public void ATensorNobodyDisposedIsFreedByItsSafeHandleWhenCollected()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = torch.LiveTensorCount;
        CreateAndDrop(50); // (a collection may already have freed some of them here, so no count is asserted yet)
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(before, torch.LiveTensorCount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CreateAndDrop(int count)
    {
        for (var i = 0; i < count; i++) torch.ones([1]);
    }
}
