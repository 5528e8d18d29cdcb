using Elfs.Connector.Cvat;
using Elfs.Connector.Http;
using Elfs.Connector.Tests.Contracts;
using Elfs.Connector.Tests.Cvat.Fake;
using Microsoft.Extensions.DependencyInjection;

namespace Elfs.Connector.Tests.Cvat;

/// <summary>A fake CVAT, a token in a per-test environment variable, fast options, and the contract check of every JSON body sent.</summary>
public sealed class CvatTestKit : IAsyncDisposable
{
    private CvatTestKit(FakeCvat fake, string tokenEnv)
    {
        Fake = fake;
        TokenEnv = tokenEnv;
    }

    public FakeCvat Fake { get; }
    public string TokenEnv { get; }
    public InMemoryCvatPlacementLedger Ledger { get; } = new();

    public static OpenApiContract Contract => OpenApiContract.Load(Path.Combine("Cvat", "Contract", "schema.yml"));

    public static async Task<CvatTestKit> StartAsync()
    {
        var fake = await FakeCvat.StartAsync();
        var env = "ELFS_TEST_CVAT_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(env, fake.Token);
        return new CvatTestKit(fake, env);
    }

    public CvatOptions Options(Action<CvatOptions>? change = null)
    {
        var options = new CvatOptions
        {
            Url = Fake.Url,
            TokenEnv = TokenEnv,
            ProjectId = 1,
            AnnotationProjectId = 2,
            SegmentSize = 5,
            PageSize = 4,
            PollInterval = TimeSpan.FromMilliseconds(5),
            Http = new ConnectorHttpOptions
            {
                MaxRetries = 3,
                BaseDelay = TimeSpan.FromMilliseconds(5),
                MaxDelay = TimeSpan.FromMilliseconds(100),
                RequestTimeout = TimeSpan.FromSeconds(20),
            },
        };
        change?.Invoke(options);
        return options;
    }

    private readonly List<ServiceProvider> providers = [];

    /// <summary>The services of a host with one CVAT project (key <c>Cvat</c>) configured as <paramref name="change"/> says.</summary>
    public ServiceProvider Services(Action<CvatOptions>? change = null, Action<IServiceCollection>? more = null, CvatSettingKeys? keys = null)
    {
        var options = Options(change);
        var services = new ServiceCollection().AddLogging();
        services.AddCvatProject("Cvat", _ => options, keys);
        more?.Invoke(services);
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        return provider;
    }

    /// <summary>A tool made as the host makes it: from the project's DI registration.</summary>
    public ILabelingTool Tool(Action<CvatOptions>? change = null) => Services(change).GetRequiredService<CvatToolFactory>().Create("Cvat", Ledger);

    /// <summary>
    /// A crash while CVAT creates a task's data: the returned source is cancelled when the push first polls the creation
    /// request, which takes a few polls to finish. Clear <see cref="FakeCvat.Fault"/> before pushing again.
    /// </summary>
    public CancellationTokenSource CrashWhileDataIsCreated()
    {
        var crash = new CancellationTokenSource();
        Fake.PollsToFinish = 3;
        Fake.Fault = c =>
        {
            if (c.Request.Path.StartsWithSegments("/api/requests")) crash.Cancel();
            return false;
        };
        return crash;
    }

    /// <summary>Every JSON request body sent so far, checked against CVAT 2.64's schema.yml.</summary>
    public void AssertBodiesFitSchema()
    {
        var checkedBodies = 0;
        foreach (var r in Fake.Recorded)
        {
            if (r.Body.Length == 0 || r.Body[0] is not ('{' or '[')) continue;
            checkedBodies++;
            Assert.Empty(Contract.CheckRequest(r.Method, r.Path, r.Body));
        }
        Assert.True(checkedBodies > 0, "no JSON body was sent");
    }

    public static async Task<List<SourceItem>> ListAsync(ILabelingTool tool, CancellationToken ct = default)
    {
        var items = new List<SourceItem>();
        await foreach (var item in tool.ListItemsAsync(ct)) items.Add(item);
        return items;
    }

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(TokenEnv, null);
        foreach (var provider in providers) await provider.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
