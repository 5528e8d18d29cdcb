using Elfs.Connector.Cvat;
using Microsoft.Extensions.DependencyInjection;

namespace Elfs.Connector.Tests.Cvat;

/// <summary>Issue 12, bug 10: CVAT messages name the token variable and the host's full keys.</summary>
public sealed class CvatSettingNameTests
{
    private static readonly CvatSettingKeys HostKeys = new("Elfs:Projects:0", "PoolProjectId", "PoolTaskIds");

    [Fact]
    public async Task A_wrong_token_names_the_environment_variable_as_label_studio_does()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.Token = "another-token";
        var error = await Assert.ThrowsAsync<LabelingToolException>(() => kit.Tool().CheckAsync(default));
        Assert.Contains($"environment variable {kit.TokenEnv}", error.Message);
        Assert.Contains("Cvat:TokenEnv", error.Message);
    }

    [Fact]
    public async Task Hints_name_the_hosts_full_keys()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var a = kit.Fake.AddTask(1, "a", 4, 2, storage: "share");
        var tool = kit.Services(o => o.Assignees = ["nobody"], keys: HostKeys).GetRequiredService<CvatToolFactory>().Create("Cvat", kit.Ledger);
        var error = await Assert.ThrowsAsync<LabelingToolException>(() =>
            tool.PushAsync(new RunId("r1"), [new Priority($"{a.Id}:0", 1, 0, 0, "")], default));
        Assert.StartsWith("Elfs:Projects:0:Assignees: no CVAT user 'nobody'", error.Message);

        var same = kit.Services(o => o.ProjectId = 2, keys: HostKeys).GetRequiredService<CvatToolFactory>().Create("Cvat", kit.Ledger);
        Assert.Contains((await same.CheckAsync(default)).Warnings, w => w.StartsWith("Elfs:Projects:0:PoolProjectId equals AnnotationProjectId"));
    }
}
