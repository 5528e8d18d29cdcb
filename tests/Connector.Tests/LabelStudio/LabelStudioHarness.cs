using Elfs.Connector.Http;
using Elfs.Connector.LabelStudio;
using Elfs.Connector.Tests.Contracts;
using Elfs.Connector.Tests.LabelStudio.Fake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elfs.Connector.Tests.LabelStudio;

/// <summary>A fake Label Studio plus a connector built the way the host builds it (DI, IHttpClientFactory, factory).</summary>
public sealed class LabelStudioHarness : IAsyncDisposable
{
    private readonly List<ServiceProvider> providers = [];
    private readonly string tokenVariable = "ELFS_TEST_LS_TOKEN_" + Guid.NewGuid().ToString("N");

    private LabelStudioHarness(FakeLabelStudio fake)
    {
        Fake = fake;
    }

    public FakeLabelStudio Fake { get; }
    public CapturingLoggerProvider Logs { get; } = new();

    public static async Task<LabelStudioHarness> StartAsync(bool recordBodies = true) => new(await FakeLabelStudio.StartAsync(recordBodies));

    /// <summary>Options for the fake's project with fast retries (tests must not wait seconds).</summary>
    public LabelStudioOptions Options(Action<LabelStudioOptions>? change = null)
    {
        var options = new LabelStudioOptions
        {
            Url = Fake.BaseUri.ToString().TrimEnd('/'), TokenEnv = tokenVariable, ProjectId = Fake.Project.Id, PageSize = 10, ImportChunkSize = 4,
            ImageTimeout = TimeSpan.FromSeconds(5),
            Http = new ConnectorHttpOptions
            {
                RequestTimeout = TimeSpan.FromSeconds(3), MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(5),
                MaxDelay = TimeSpan.FromMilliseconds(50), CircuitBreakAfter = 10,
            },
        };
        change?.Invoke(options);
        return options;
    }

    /// <summary>The services of a host with one Label Studio project (key <see cref="Prefix"/>) configured as <paramref name="change"/> says.</summary>
    public ServiceProvider Services(Action<LabelStudioOptions>? change = null, Action<IServiceCollection>? more = null)
    {
        var options = Options(change);
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddLabelStudioProject(Prefix, _ => options);
        more?.Invoke(services);
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        return provider;
    }

    /// <summary>The key the harness registers its project under.</summary>
    public const string Prefix = "LabelStudio";

    /// <summary>A tool using <paramref name="token"/> (default: the fake's legacy token), made as the host makes it (DI registration).</summary>
    public ILabelingTool Tool(string? token = null, Action<LabelStudioOptions>? change = null)
    {
        Environment.SetEnvironmentVariable(tokenVariable, token ?? Fake.LegacyToken);
        return Services(change).GetRequiredService<LabelStudioToolFactory>().Create(Prefix);
    }

    public string TokenVariable => tokenVariable;

    /// <summary>Tasks 1..count with uploaded images; every labeledEvery-th one labeled.</summary>
    public void AddUploadTasks(int count, int labeledEvery = 0)
    {
        for (var id = 1; id <= count; id++)
        {
            Fake.AddFile($"upload/{Fake.Project.Id}/img{id}.png", [1, 2, (byte)id]);
            Fake.AddTask(id, Fake.UploadRef($"img{id}.png"), labeled: labeledEvery > 0 && id % labeledEvery == 0);
        }
    }

    /// <summary>
    /// Every recorded /api/ request (operation and body) checked against Label Studio's OpenAPI contract, except the
    /// routes the server excludes from its schema (model-versions, next) and the test annotator's annotations.
    /// </summary>
    public IReadOnlyList<string> ContractViolations()
    {
        var contract = OpenApiContract.LabelStudio;
        string[] outside = ["/model-versions/", "/next/", "/annotations/"];
        return Fake.Server.Requests
            .Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal) && !outside.Any(o => r.Path.EndsWith(o, StringComparison.Ordinal)))
            .SelectMany(r => contract.CheckRequest(r.Method, r.Path, r.Body.Length > 0 ? r.Body : null))
            .ToList();
    }

    /// <summary>Annotates through the label stream (<c>/next/</c> then an annotation) until it is empty; returns the served order.</summary>
    public async Task<List<long>> LabelAllTasksAsync(int max)
    {
        using var http = new HttpClient { BaseAddress = Fake.BaseUri };
        http.DefaultRequestHeaders.Authorization = new("Token", Fake.LegacyToken);
        var served = new List<long>();
        while (served.Count < max)
        {
            using var next = await http.GetAsync($"api/projects/{Fake.Project.Id}/next/");
            if (next.StatusCode == System.Net.HttpStatusCode.NotFound) break;
            next.EnsureSuccessStatusCode();
            var id = System.Text.Json.JsonDocument.Parse(await next.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
            served.Add(id);
            using var body = new StringContent("""{"result": []}""", System.Text.Encoding.UTF8, "application/json");
            (await http.PostAsync($"api/tasks/{id}/annotations/", body)).EnsureSuccessStatusCode();
        }
        return served;
    }

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(tokenVariable, null);
        foreach (var provider in providers) await provider.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
