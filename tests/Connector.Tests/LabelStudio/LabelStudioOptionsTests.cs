using Elfs.Connector.LabelStudio;
using Microsoft.Extensions.DependencyInjection;

namespace Elfs.Connector.Tests.LabelStudio;

public class LabelStudioOptionsTests
{
    [Fact]
    public void DefaultsNeedOnlyUrlAndProject()
    {
        var options = new LabelStudioOptions { Url = "https://ls.example.com", ProjectId = 3 };
        Assert.Empty(options.Validate("Projects:0:LabelStudio"));
        Assert.Equal(500, options.PageSize);
    }

    [Fact]
    public void EveryProblemNamesItsKey()
    {
        var options = new LabelStudioOptions
        {
            Url = "ftp://x?y", TokenEnv = " ", ProjectId = 0, Classes = 1, ImageKey = "", PageSize = 0, ImportChunkSize = 9000,
            ImageTimeout = TimeSpan.Zero, TokenRefreshMargin = TimeSpan.FromSeconds(-1),
        };
        options.Http.MaxRetries = -1;
        var problems = options.Validate("P:LabelStudio").ToList();
        foreach (var key in new[] { "Url", "TokenEnv", "ProjectId", "Classes", "ImageKey", "PageSize", "ImportChunkSize", "ImageTimeout", "TokenRefreshMargin", "Http:MaxRetries" })
            Assert.Contains(problems, p => p.StartsWith($"P:LabelStudio:{key}:"));
        Assert.Equal(10, problems.Count);
    }

    [Fact]
    public void TheFactoryRefusesBadOptionsNamingThem()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLabelStudioProject("Projects:2:LabelStudio", _ => new LabelStudioOptions { Url = "nope", ProjectId = 1 });
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<LabelStudioToolFactory>();
        var e = Assert.Throws<LabelingToolException>(() => factory.Create("Projects:2:LabelStudio"));
        Assert.Contains("Projects:2:LabelStudio:Url", e.Message);
    }
}
