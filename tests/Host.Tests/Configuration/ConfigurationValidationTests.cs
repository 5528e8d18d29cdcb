using Elfs.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Elfs.Host.Tests.Configuration;

public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private IReadOnlyList<string> Problems(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        ElfsConfiguration.Bind(configuration, out var problems);
        return problems;
    }

    private Dictionary<string, string?> LocalProject(int index = 0, string name = "local") => new()
    {
        [$"Elfs:Projects:{index}:Name"] = name,
        [$"Elfs:Projects:{index}:Tool"] = "LocalFolder",
        [$"Elfs:Projects:{index}:Folder"] = _temp.Path,
        [$"Elfs:Projects:{index}:Clusters"] = "10",
    };

    private static Dictionary<string, string?> Merge(params Dictionary<string, string?>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(kv => kv.Key, kv => kv.Value);

    [Fact]
    public void A_valid_local_folder_project_has_no_problems()
    {
        Assert.Empty(Problems(LocalProject()));
    }

    [Fact]
    public void A_budget_above_one_with_a_decimal_point_names_key_value_and_what_is_allowed()
    {
        var settings = Merge(LocalProject(0, "a"), LocalProject(1, "b"));
        settings["Elfs:Projects:1:Budget"] = "1.4";
        var problem = Assert.Single(Problems(settings));
        Assert.StartsWith("Elfs:Projects:1:Budget: 1.4 is not a fraction in (0, 1] nor a count", problem);
    }

    [Theory]
    [InlineData("500", 500, null)]
    [InlineData("0.1", null, 0.1)]
    [InlineData("1.0", null, 1.0)]
    [InlineData("25%", null, 0.25)]
    public void Budgets_parse_as_count_or_fraction(string text, int? count, double? fraction)
    {
        Assert.True(Budget.TryParse(text, out var budget, out _));
        Assert.Equal(count, budget.Count);
        Assert.Equal(fraction, budget.Fraction);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("0.0")]
    [InlineData("abc")]
    [InlineData("")]
    public void Bad_budgets_are_refused(string text)
    {
        Assert.False(Budget.TryParse(text, out _, out var error));
        Assert.Contains("is not a fraction in (0, 1] nor a count", error);
    }

    [Fact]
    public void Budget_resolves_against_the_unlabeled_pool()
    {
        Assert.Equal(10, new Budget(null, 0.1).Resolve(100));
        Assert.Equal(1, new Budget(null, 0.001).Resolve(100));
        Assert.Equal(500, new Budget(500, null).Resolve(40)); // asked for as given: the engine lowers it to what fits, with a warning
        Assert.Equal(29, new Budget(null, 0.29).Resolve(100)); // rounded half up as the engine does, not floored
        Assert.Equal(0, new Budget(500, null).Resolve(0));
    }

    [Fact]
    public void A_missing_token_variable_is_named()
    {
        var variable = "ELFS_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var problems = Problems(new()
        {
            ["Elfs:Projects:0:Name"] = "ls",
            ["Elfs:Projects:0:Tool"] = "LabelStudio",
            ["Elfs:Projects:0:Url"] = "http://127.0.0.1:8080",
            ["Elfs:Projects:0:TokenEnv"] = variable,
            ["Elfs:Projects:0:ProjectId"] = "7",
        });
        var problem = Assert.Single(problems);
        Assert.Equal($"Elfs:Projects:0:TokenEnv: the environment variable {variable} is not set or empty; export it with the API token", problem);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_each_naming_its_key()
    {
        var problems = Problems(new()
        {
            ["Elfs:Engine:Device"] = "tpu",
            ["Elfs:Engine:Profile"] = "fast",
            ["Elfs:StatusPage:Address"] = "0.0.0.0",
            ["Elfs:Projects:0:Name"] = "bad name",
            ["Elfs:Projects:0:Tool"] = "Labelbox",
            ["Elfs:Projects:0:Beta"] = "1.5",
            ["Elfs:Projects:0:DuplicateThreshold"] = "1.2",
            ["Elfs:Projects:0:Clusters"] = "1",
            ["Elfs:Projects:0:Encoder"] = "clip",
            ["Elfs:Projects:0:Schedule"] = "every night",
            ["Elfs:Projects:1:Name"] = "cvat",
            ["Elfs:Projects:1:Tool"] = "Cvat",
            ["Elfs:Projects:1:Url"] = "not a url",
            ["Elfs:Projects:1:TokenEnv"] = "",
            ["Elfs:Projects:1:SegmentSize"] = "0",
        });
        string[] expected =
        [
            "Elfs:Engine:Device: 'tpu' is not one of auto, cpu, cuda, cuda:N",
            "Elfs:Engine:Profile: 'fast' is not one of cpu, paper",
            "Elfs:StatusPage:Address: '0.0.0.0' is not a loopback address",
            "Elfs:Projects:0:Name: 'bad name' is not 1-64 letters",
            "Elfs:Projects:0:Tool: 'Labelbox' is not one of LocalFolder, LabelStudio, Cvat",
            "Elfs:Projects:0:Beta: 1.5 is not in [0, 1)",
            "Elfs:Projects:0:DuplicateThreshold: 1.2 is not a cosine similarity in (0, 1], nor 0 (off)",
            "Elfs:Projects:0:Clusters: 1 is less than 2",
            "Elfs:Projects:0:Encoder: 'clip' is not one of builtin, resnet18, onnx, torchscript, precomputed",
            "Elfs:Projects:0:Schedule: 'every night' is not a cron schedule",
            "Elfs:Projects:1:Url: 'not a url' is not an absolute http(s) URL",
            "Elfs:Projects:1:TokenEnv: is empty",
            "Elfs:Projects:1:PoolProjectId: is empty and so is PoolTaskIds",
            "Elfs:Projects:1:AnnotationProjectId: '' is not a CVAT project id",
            "Elfs:Projects:1:SegmentSize: 0 is not in 1..10000",
        ];
        foreach (var prefix in expected)
            Assert.Contains(problems, p => p.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(expected.Length, problems.Count);
    }

    [Fact]
    public void Beta_plus_fraction_above_one_is_refused()
    {
        var settings = LocalProject();
        settings["Elfs:Projects:0:Budget"] = "0.5";
        settings["Elfs:Projects:0:Beta"] = "0.6";
        Assert.Equal("Elfs:Projects:0:Beta: 0.6 plus the budget fraction 0.5 exceeds 1; lower one of them", Assert.Single(Problems(settings)));
    }

    [Fact]
    public void Duplicate_names_and_missing_folders_are_refused()
    {
        var settings = Merge(LocalProject(0, "same"), LocalProject(1, "Same"));
        settings["Elfs:Projects:1:Folder"] = _temp.File("missing");
        var problems = Problems(settings);
        Assert.Contains("Elfs:Projects:1:Name: 'Same' is already the name of Elfs:Projects:0; names must be unique", problems);
        Assert.Contains($"Elfs:Projects:1:Folder: '{_temp.File("missing")}' is not an existing folder", problems);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_key()
    {
        var settings = LocalProject();
        settings["Elfs:Projects:0:Beta"] = "a lot";
        var problem = Assert.Single(Problems(settings));
        Assert.Contains("Elfs:Projects:0:Beta", problem);
    }

    [Fact]
    public void Precomputed_and_torchscript_encoders_need_an_existing_file()
    {
        var settings = LocalProject();
        settings["Elfs:Projects:0:Encoder"] = "torchscript";
        Assert.StartsWith("Elfs:Projects:0:EncoderPath: is empty; Encoder torchscript needs the TorchScript model file", Assert.Single(Problems(settings)));
        settings["Elfs:Projects:0:Encoder"] = "precomputed";
        settings["Elfs:Projects:0:EncoderPath"] = _temp.File("vectors.npy");
        Assert.Equal($"Elfs:Projects:0:EncoderPath: '{_temp.File("vectors.npy")}' does not exist", Assert.Single(Problems(settings)));
    }

    [Fact]
    public void Onnx_and_resnet18_settings_are_checked_naming_each_key()
    {
        var settings = LocalProject();
        settings["Elfs:Projects:0:Encoder"] = "onnx";
        Assert.StartsWith("Elfs:Projects:0:EncoderPath: is empty; Encoder onnx needs the ONNX model file", Assert.Single(Problems(settings)));
        settings["Elfs:Projects:0:EncoderPath"] = _temp.File("model.onnx");
        File.WriteAllText(_temp.File("model.onnx"), "a model");
        settings["Elfs:Projects:0:EncoderMean"] = "0.4, 0.5";
        settings["Elfs:Projects:0:EncoderStd"] = "0.2,0,0.2";
        settings["Elfs:Projects:0:EncoderChannelOrder"] = "grb";
        settings["Elfs:Projects:0:EncoderOutput"] = "features";
        Assert.Equal(
        [
            "Elfs:Projects:0:EncoderMean: '0.4, 0.5' has 2 value(s); give three, one per channel (R, G, B, or B, G, R for a bgr model)",
            "Elfs:Projects:0:EncoderStd: '0.2,0,0.2' has a value that is not positive",
            "Elfs:Projects:0:EncoderChannelOrder: 'grb' is not rgb or bgr",
        ], Problems(settings));
        settings["Elfs:Projects:0:EncoderMean"] = "0.4,x,0.5";
        Assert.Contains("Elfs:Projects:0:EncoderMean: '0.4,x,0.5' is not three numbers: 'x' is not a number", Problems(settings)[0]);

        var resnet = LocalProject();
        resnet["Elfs:Projects:0:Encoder"] = "resnet18";
        Assert.Empty(Problems(resnet));
        resnet["Elfs:Projects:0:EncoderInputSize"] = "112";
        resnet["Elfs:Projects:0:EncoderChannelOrder"] = "bgr";
        Assert.Equal(
        [
            "Elfs:Projects:0:EncoderInputSize: 112, but Encoder resnet18 is fixed at 224 (leave it unset)",
            "Elfs:Projects:0:EncoderChannelOrder: 'bgr' is set, but Encoder resnet18 does not use it (used by: onnx); remove it",
        ], Problems(resnet));
    }

    [Theory]
    [InlineData("0 2 * * *")]
    [InlineData("0 0 2 * * ?")]
    [InlineData("@daily")]
    [InlineData("30 1 * * 1-5")]
    public void Crontab_and_quartz_schedules_are_accepted(string schedule)
    {
        Assert.True(ElfsOptionsValidator.TryParseSchedule(schedule, null, out var cron, out var error), error);
        Assert.NotNull(cron);
    }

    [Fact]
    public void The_default_schedule_is_nightly_at_two_local_time()
    {
        var project = new ProjectOptions();
        Assert.True(ElfsOptionsValidator.TryParseSchedule(project.Schedule, "UTC", out var cron, out _));
        var next = cron!.GetNextValidTimeAfter(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void The_repository_appsettings_json_is_valid_apart_from_its_folder()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        Assert.True(File.Exists(file));
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();
        var options = ElfsConfiguration.Bind(configuration, out var problems);
        Assert.NotEmpty(options.Projects);
        Assert.All(problems, p => Assert.Contains(":Folder:", p));
    }

    [Fact]
    public void A_seed_that_is_not_a_number_is_one_message_in_words()
    {
        var settings = LocalProject();
        settings["Elfs:Engine:Seed"] = "x";
        var problem = Assert.Single(Problems(settings));
        Assert.Equal("Elfs:Engine:Seed: 'x' is not a whole number >= 0", problem);
    }

    [Fact]
    public void With_beta_auto_the_beta_plus_budget_check_is_skipped()
    {
        var settings = LocalProject();
        (settings["Elfs:Projects:0:Beta"], settings["Elfs:Projects:0:Budget"], settings["Elfs:Projects:0:BetaAuto"]) = ("0.5", "0.6", "true");
        Assert.Empty(Problems(settings));
        settings["Elfs:Projects:0:BetaAuto"] = "false";
        Assert.Contains("exceeds 1", Assert.Single(Problems(settings)));
    }

    [Fact]
    public void One_cluster_on_a_folder_project_does_not_suggest_reading_classes_from_the_tool()
    {
        var settings = LocalProject();
        settings["Elfs:Projects:0:Clusters"] = "1";
        var problem = Assert.Single(Problems(settings));
        Assert.StartsWith("Elfs:Projects:0:Clusters: 1 is less than 2; set the number of classes (K >= 2)", problem);
        Assert.DoesNotContain("tool", problem);
    }

    [Fact]
    public void A_configuration_file_that_is_not_json_names_the_file_line_and_position()
    {
        var file = _temp.File("bad.json");
        File.WriteAllText(file, "{\n  \"Elfs\": {\n    \"Storage\": { \"Path\": \"x.db\" \n    \"Engine\": {}\n  }\n}\n");

        var e = Assert.Throws<ConfigurationException>(() => ElfsConfiguration.Build(file));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith($"the configuration file {file} is not valid JSON at line 4, position 5: ", problem);
        var error = new StringWriter();
        Assert.Null(Elfs.Host.Cli.CliHost.LoadValid(file, error));
        Assert.Equal("error: " + problem + Environment.NewLine, error.ToString());
    }

    public void Dispose() => _temp.Dispose();
}
