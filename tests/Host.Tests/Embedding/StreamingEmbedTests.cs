using Elfs.Connector;
using Elfs.Engine.Encoders;
using Elfs.Engine.Imaging;
using Elfs.Host.Cli;
using Elfs.Host.Configuration;
using Elfs.Host.Embedding;
using Elfs.Host.Storage;
using Elfs.Host.Tools;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Elfs.Host.Tests.Embedding;

/// <summary>
/// The embed stage against the real Label Studio connector over loopback HTTP: reads are kept within the connection
/// limit (so waiting for a connection never counts against a request's timeout), one refused or slow image is that
/// item's skip, and an outage (the breaker) stops the stage.
/// </summary>
public sealed class StreamingEmbedTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TokenVariable _token = new("ELFS_EMBED_TEST_");

    private static byte[] Png(int seed)
    {
        var pixels = new byte[28 * 28];
        new Random(seed).NextBytes(pixels);
        return ImageWriter.Encode(pixels, 28, 28, 1, ImageFileFormat.Png);
    }

    private ServiceProvider Services(ImageServer server, string requestTimeout, int retries, int breakAfter) =>
        CliHost.Services(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Elfs:Storage:Path"] = _temp.File("elfs.db"),
            ["Elfs:Projects:0:Name"] = "ls",
            ["Elfs:Projects:0:Tool"] = "LabelStudio",
            ["Elfs:Projects:0:Url"] = server.BaseUri.ToString(),
            ["Elfs:Projects:0:TokenEnv"] = _token.Name,
            ["Elfs:Projects:0:ProjectId"] = "7",
            ["Elfs:Projects:0:Clusters"] = "3",
            ["Elfs:Projects:0:Http:RequestTimeout"] = requestTimeout,
            ["Elfs:Projects:0:Http:MaxRetries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Elfs:Projects:0:Http:BaseDelay"] = "00:00:00.05",
            ["Elfs:Projects:0:Http:MaxDelay"] = "00:00:00.1",
            ["Elfs:Projects:0:Http:CircuitBreakAfter"] = breakAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build(), LogLevel.Critical);

    private async Task<EmbeddingResult> EmbedAsync(ImageServer server, int items, string requestTimeout, int retries = 0, int breakAfter = 1000)
    {
        await using var services = Services(server, requestTimeout, retries, breakAfter);
        var project = services.GetRequiredService<IOptions<ElfsOptions>>().Value.Projects[0];
        var tool = services.GetRequiredService<IToolFactory>().Create(project);
        using var disposeTool = tool as IDisposable;
        using var stage = new EncoderEmbeddingStage(new BuiltinEncoder(), new EmbeddingCache(_temp.File("elfs.db")), batchSize: 16);
        var candidates = Enumerable.Range(0, items).Select(i => new RunItem(i.ToString(System.Globalization.CultureInfo.InvariantCulture), server.Url(i), null, null, null)).ToList();
        return await stage.EmbedAsync(tool, candidates, null, CancellationToken.None);
    }

    [Fact]
    public async Task Slow_images_beyond_the_connection_limit_wait_outside_their_request_timeout()
    {
        // Each image takes 300 ms and a request may take 1.5 s: 8 at a time all arrive; a read that waits in the
        // handler's queue for one of the 8 connections inside its own timeout would time out after 5 images ahead of it.
        await using var server = await ImageServer.StartAsync(async (n, context) =>
        {
            await Task.Delay(300, context.RequestAborted);
            await context.Response.Body.WriteAsync(Png(n), context.RequestAborted);
        });

        var result = await EmbedAsync(server, items: 96, requestTimeout: "00:00:01.5");

        Assert.All(result.Items, i => Assert.True(i.Error is null, $"item {i.ExternalId}: {i.Error}"));
        Assert.Equal(96, result.Computed);
        Assert.Equal(96, server.Requests);
        Assert.InRange(server.MaxInFlight, 1, Elfs.Connector.Http.ConnectorHttpOptions.ConnectionsPerServer);
    }

    [Fact]
    public async Task A_refused_and_a_timed_out_image_are_skipped_with_their_reason_after_the_retries()
    {
        await using var server = await ImageServer.StartAsync(async (n, context) =>
        {
            if (n == 3) { context.Response.StatusCode = StatusCodes.Status500InternalServerError; return; }
            if (n == 5) await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await context.Response.Body.WriteAsync(Png(n), context.RequestAborted);
        });

        var result = await EmbedAsync(server, items: 12, requestTimeout: "00:00:00.5", retries: 1);

        var skipped = result.Items.Where(i => i.Error is not null).ToDictionary(i => i.ExternalId, i => i.Error!);
        Assert.Equal(["3", "5"], skipped.Keys.Order());
        Assert.Contains("HTTP 500", skipped["3"]);
        Assert.Contains("00:00:00.5", skipped["5"]);
        Assert.Equal(10, result.Computed);
        Assert.All(result.Items.Where(i => i.Error is null), i => Assert.Equal(EmbeddingCache.ContentHash(Png(int.Parse(i.ExternalId, System.Globalization.CultureInfo.InvariantCulture))), i.VectorKey));
    }

    [Fact]
    public async Task An_outage_that_opens_the_breaker_stops_the_stage_with_the_connector_message()
    {
        await using var server = await ImageServer.StartAsync(Unavailable);

        var e = await Assert.ThrowsAsync<LabelingToolException>(() => EmbedAsync(server, items: 40, requestTimeout: "00:00:05", retries: 0, breakAfter: 3));

        Assert.Contains("consecutive failed requests", e.Message);
        Assert.True(server.Requests < 40, $"{server.Requests} images were asked for after the breaker opened");

        static Task Unavailable(int n, HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        }
    }

    public void Dispose()
    {
        _token.Dispose();
        _temp.Dispose();
    }
}
