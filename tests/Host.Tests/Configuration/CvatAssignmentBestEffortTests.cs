using Elfs.Host.Configuration;
using Elfs.Host.Tools;
using Microsoft.Extensions.Configuration;

namespace Elfs.Host.Tests.Configuration;

/// <summary>CVAT's <c>AssignmentBestEffort</c> is a project setting: validated, and handed to the connector.</summary>
public sealed class CvatAssignmentBestEffortTests
{
    private static Dictionary<string, string?> CvatProject(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Elfs:Projects:0:Name"] = "street",
            ["Elfs:Projects:0:Tool"] = "Cvat",
            ["Elfs:Projects:0:Url"] = "https://cvat.example.com",
            ["Elfs:Projects:0:TokenEnv"] = "ELFS_TEST_UNSET_CVAT_TOKEN",
            ["Elfs:Projects:0:Enabled"] = "false",
            ["Elfs:Projects:0:PoolProjectId"] = "3",
            ["Elfs:Projects:0:AnnotationProjectId"] = "4",
            ["Elfs:Projects:0:Clusters"] = "10",
        };
        foreach (var (key, value) in more) settings[$"Elfs:Projects:0:{key}"] = value;
        return settings;
    }

    private static (ElfsOptions Options, IReadOnlyList<string> Problems) Bind(Dictionary<string, string?> settings) =>
        (ElfsConfiguration.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), out var problems), problems);

    [Fact]
    public void It_reaches_the_connector_options()
    {
        var (options, problems) = Bind(CvatProject(("Assignees:0", "anna"), ("AssignmentBestEffort", "true")));

        Assert.Empty(problems);
        Assert.True(ToolFactory.CvatOptionsOf(options.Projects[0]).AssignmentBestEffort);
        Assert.False(ToolFactory.CvatOptionsOf(Bind(CvatProject(("Assignees:0", "anna"))).Options.Projects[0]).AssignmentBestEffort);
    }

    [Fact]
    public void Without_assignees_it_is_refused_naming_both_keys()
    {
        var problem = Assert.Single(Bind(CvatProject(("AssignmentBestEffort", "true"))).Problems);

        Assert.StartsWith("Elfs:Projects:0:AssignmentBestEffort: is true but Elfs:Projects:0:Assignees is empty", problem);
    }

    [Fact]
    public void A_value_that_is_not_a_boolean_is_refused()
    {
        var problems = Bind(CvatProject(("Assignees:0", "anna"), ("AssignmentBestEffort", "maybe"))).Problems;

        Assert.Contains(problems, p => p.StartsWith("Elfs:Projects:0:AssignmentBestEffort: 'maybe' is not", StringComparison.Ordinal));
    }
}
