using Elfs.Connector.Cvat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Elfs.Connector.Tests.Cvat;

public sealed class CvatOptionsTests
{
    [Fact]
    public void Every_bad_setting_is_named_under_its_section()
    {
        var options = new CvatOptions
        {
            Url = "cvat.local/api", ProjectId = 1, TaskIds = [3, 3], AnnotationProjectId = 0, SegmentSize = 0, ImageQuality = 101,
            Assignees = [""], TaskNamePrefix = "",
        };
        options.Http.MaxRetries = -1;

        var problems = options.Validate("Projects:0:Cvat").ToList();

        Assert.Contains(problems, p => p.StartsWith("Projects:0:Cvat:Url:"));
        Assert.Contains(problems, p => p.StartsWith("Projects:0:Cvat:ProjectId/Projects:0:Cvat:TaskIds:"));
        Assert.Contains(problems, p => p.StartsWith("Projects:0:Cvat:TaskIds: a task id is listed twice"));
        Assert.Contains(problems, p => p.StartsWith("Projects:0:Cvat:AnnotationProjectId:"));
        Assert.Contains(problems, p => p.StartsWith("Projects:0:Cvat:SegmentSize:"));
        Assert.Contains(problems, p => p.StartsWith("Projects:0:Cvat:ImageQuality: 101 is not in 0..100"));
        Assert.Contains(problems, p => p.StartsWith("Projects:0:Cvat:Assignees:"));
        Assert.Contains(problems, p => p.StartsWith("Projects:0:Cvat:TaskNamePrefix:"));
        Assert.Contains(problems, p => p.StartsWith("Projects:0:Cvat:Http:MaxRetries:"));
        Assert.Empty(new CvatOptions { Url = "https://cvat.example.com", ProjectId = 4, AnnotationProjectId = 5 }.Validate("Cvat"));
        Assert.Contains(new CvatOptions { Url = "https://cvat.example.com/api/", ProjectId = 4, AnnotationProjectId = 5 }.Validate("Cvat"),
            p => p.Contains("without /api"));
    }

    [Fact]
    public async Task The_factory_refuses_invalid_options_listing_them()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var error = Assert.Throws<ArgumentException>(() => kit.Services(o => { o.Url = ""; o.AnnotationProjectId = 0; })
            .GetRequiredService<CvatToolFactory>().Create("Cvat", new InMemoryCvatPlacementLedger()));
        Assert.Contains("Cvat:Url", error.Message);
        Assert.Contains("Cvat:AnnotationProjectId", error.Message);
    }

    [Fact]
    public async Task The_host_registration_binds_the_section_and_serves_a_working_tool()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.AddTask(1, "a", 4, 2);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Projects:0:Cvat:Url"] = kit.Fake.Url,
            ["Projects:0:Cvat:TokenEnv"] = kit.TokenEnv,
            ["Projects:0:Cvat:ProjectId"] = "1",
            ["Projects:0:Cvat:AnnotationProjectId"] = "2",
            ["Projects:0:Cvat:Http:BaseDelay"] = "00:00:00.01",
            ["Cvat:SegmentSize"] = "0",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCvatProject(configuration.GetSection("Projects:0:Cvat"));
        services.AddCvatProject(configuration.GetSection("Cvat"));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<CvatToolFactory>();

        var tool = factory.Create("Projects:0:Cvat", new InMemoryCvatPlacementLedger());

        Assert.Equal(4, (await CvatTestKit.ListAsync(tool)).Count);
        var error = Assert.Throws<ArgumentException>(() => factory.Create("Cvat", new InMemoryCvatPlacementLedger()));
        Assert.Contains("Cvat:SegmentSize: 0 must be at least 1", error.Message);
    }
}
