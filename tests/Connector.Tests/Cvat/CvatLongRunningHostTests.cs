using Elfs.Connector.Cvat;
using Microsoft.Extensions.DependencyInjection;

namespace Elfs.Connector.Tests.Cvat;

/// <summary>Issue 12, bug 1: a host making one CVAT tool per run must not open one connection pool per run.</summary>
public sealed class CvatLongRunningHostTests
{
    [Fact]
    public async Task Two_hundred_runs_in_one_host_reuse_its_pooled_connections()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.AddTask(1, "a", 2, 2);
        var factory = kit.Services().GetRequiredService<CvatToolFactory>();

        for (var run = 0; run < 200; run++)
        {
            var tool = factory.Create("Cvat", kit.Ledger);
            Assert.Equal(2, (await CvatTestKit.ListAsync(tool)).Count);
        }

        // One pool for the project: the few connections of its first runs are reused by all the later ones.
        Assert.True(kit.Fake.ConnectionCount <= 4, $"200 runs opened {kit.Fake.ConnectionCount} connections");
    }
}
