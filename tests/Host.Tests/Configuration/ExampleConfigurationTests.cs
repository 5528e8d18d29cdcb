using Elfs.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Elfs.Host.Tests.Configuration;

public sealed class ExampleConfigurationTests
{
    private static string Examples([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../../../examples"));

    [Theory]
    [InlineData("localfolder.appsettings.json", "Elfs:Projects:0:Folder: '/srv/photos' is not an existing folder")]
    [InlineData("labelstudio.appsettings.json", "Elfs:Projects:0:TokenEnv: the environment variable LS_TOKEN is not set or empty; export it with the API token")]
    [InlineData("cvat.appsettings.json", "Elfs:Projects:0:TokenEnv: the environment variable CVAT_TOKEN is not set or empty; export it with the API token")]
    public void Examples_bind_and_only_lack_what_exists_on_the_target_machine(string file, string expected)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(Examples(), file)).Build();
        var options = ElfsConfiguration.Bind(configuration, out var problems);
        Assert.Single(options.Projects);
        Assert.Contains(expected, problems);
        Assert.All(problems, p => Assert.True(p == expected || p.Contains(":EncoderPath:") || p.Contains(":TimeZone:"), p));
    }
}
