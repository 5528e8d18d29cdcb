using Elfs.Host.Runs;
using Elfs.Host.Storage;

namespace Elfs.Host.Tests.Runs;

public sealed class QueueBuilderTests
{
    private static StoredScore S(string id, float aum, bool selected, int? rank, int k = 0) => new(id, k, 0.9f, aum, 0, 0.1f, selected, rank);

    [Fact]
    public void Selected_items_come_in_rank_order_then_earlier_items_this_run_could_not_score()
    {
        StoredScore[] scores = [S("a", 1f, true, 2, 1), S("b", -2f, false, null), S("c", 0.5f, true, 1, 0), S("d", 3f, false, null)];
        QueueEntry[] previous =
        [
            new(1, "d", 0, 0, "old", null),   // scored now and not selected: dropped
            new(2, "e", 0.5, 4, "old", null), // not scored now (unreadable), still unlabeled: kept
            new(3, "f", 0.9, 2, "old", null), // labeled since (not a candidate): dropped
        ];
        RunItem[] candidates =
        [
            new("a", "", "h", "h", null), new("b", "", "h", "h", null), new("c", "", "h", "h", null), new("d", "", "h", "h", null),
            new("e", "", null, null, "the file no longer exists"),
        ];
        var queue = QueueBuilder.Build(scores, 0.25, 5, QueueBuilder.Carried(previous, candidates), candidates, "run-0");
        Assert.Equal(["c", "a", "e"], queue.Select(q => q.ExternalId));
        Assert.Equal([1, 2, 3], queue.Select(q => q.Rank));
        Assert.Equal([0.0, 1 / 3.0, 2 / 3.0], queue.Select(q => q.Score));
        Assert.Equal("run-0", queue[2].KeptFrom);
        Assert.Equal(4, queue[2].PseudoLabel);
        Assert.Contains("the file no longer exists", queue[2].Reason);
        Assert.StartsWith("group 0 of 5: harder to learn than 25% of the unlabeled pool, but not among the 25% hardest", queue[0].Reason);
        Assert.StartsWith("group 1 of 5: harder to learn than 50%", queue[1].Reason);
    }

    [Fact]
    public void The_engines_reason_is_the_queued_reason_when_it_gives_one()
    {
        const string why = "pseudo-class 2 (20.0% of items); harder than 72% of its pseudo-class";
        StoredScore[] scores = [S("a", 1f, true, 1, 2) with { Reason = why }, S("b", 2f, true, 2, 1)];
        RunItem[] candidates = [new("a", "", "h", "h", null), new("b", "", "h", "h", null)];
        var queue = QueueBuilder.Build(scores, 0.1, 5, [], candidates, null);
        Assert.Equal(why, queue[0].Reason);
        Assert.StartsWith("group 1 of 5: harder to learn than 50% of the unlabeled pool", queue[1].Reason);
    }
}
