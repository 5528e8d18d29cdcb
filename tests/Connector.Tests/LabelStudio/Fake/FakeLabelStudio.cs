using System.Text.Json.Nodes;
using Elfs.Connector.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Elfs.Connector.Tests.LabelStudio.Fake;

/// <summary>
/// A fake Label Studio 1.22 (Community Edition) on 127.0.0.1, behaving as shared/research/label-studio.md and
/// server-behaviour.md describe: legacy and JWT tokens, the Data Manager task list (unlabeled filter, id ordering,
/// 404 past the end), three image URL forms with a 303 to a second loopback "cloud" host that rejects any
/// Authorization header, bulk prediction import (invalid items skipped, unknown task = 400 for the whole request),
/// model_version validation, model-versions deletion and the uncertainty-sampling label stream (<c>/next/</c>).
/// </summary>
public sealed partial class FakeLabelStudio : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly SortedDictionary<long, FakeTask> tasks = [];
    private readonly List<FakePrediction> predictions = [];
    private readonly Dictionary<string, List<FakeTask>> filtered = [];
    private readonly Dictionary<string, byte[]> files = [];
    private readonly HashSet<string> accessTokens = [];
    private readonly List<FakeFault> faults = [];
    private readonly Random random = new(1234);
    private long nextPredictionId = 1;

    private FakeLabelStudio() { }

    public LoopbackServer Server { get; private set; } = null!;
    public LoopbackServer Cloud { get; private set; } = null!;
    public Uri BaseUri => Server.BaseUri;
    public FakeProject Project { get; } = new();
    public string LegacyToken { get; } = "0123456789abcdef0123456789abcdef01234567";
    public string PersonalAccessToken { get; } = FakeJwt.Create("refresh", DateTimeOffset.UtcNow.AddYears(200));

    /// <summary>Lifetime of the access tokens <c>/api/token/refresh/</c> issues (simplejwt default: 5 minutes).</summary>
    public TimeSpan AccessLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far the server's clock is ahead of the client's (negative: behind); it stamps iat/exp with its own clock.</summary>
    public TimeSpan ClockOffset { get; set; }

    public int RefreshCount { get; private set; }

    public static async Task<FakeLabelStudio> StartAsync(bool recordBodies = true)
    {
        var fake = new FakeLabelStudio();
        fake.Cloud = await LoopbackServer.StartAsync(fake.MapCloud, recordBodies);
        fake.Server = await LoopbackServer.StartAsync(app =>
        {
            app.Use(fake.InjectFaults);
            app.Use(fake.Authenticate);
            fake.MapApi(app);
            fake.MapMedia(app);
        }, recordBodies);
        return fake;
    }

    /// <summary>Adds tasks with the given ids and image references; returns nothing, state is in <see cref="Tasks"/>.</summary>
    public void AddTask(long id, string image, bool labeled = false)
    {
        lock (gate)
        {
            tasks[id] = new FakeTask { Id = id, Image = image, IsLabeled = labeled };
            filtered.Clear();
        }
    }

    public void AddFile(string key, byte[] bytes)
    {
        lock (gate) files[key] = bytes;
    }

    public void DeleteTask(long id)
    {
        lock (gate)
        {
            tasks.Remove(id);
            filtered.Clear();
            predictions.RemoveAll(p => p.Task == id);
        }
    }

    public void AddFault(FakeFault fault)
    {
        lock (gate) faults.Add(fault);
    }

    public void ClearFaults()
    {
        lock (gate) faults.Clear();
    }

    /// <summary>Task ids whose imported predictions are skipped silently (as Label Studio skips invalid items).</summary>
    public HashSet<long> SilentlySkip { get; } = [];

    /// <summary>Invalidates every access token issued so far (as their expiry would).</summary>
    public void ExpireAccessTokens()
    {
        lock (gate) accessTokens.Clear();
    }

    /// <summary>Adds a prediction directly (as another model or an earlier run would have).</summary>
    public void AddPrediction(long task, double? score, string version)
    {
        lock (gate) predictions.Add(new FakePrediction(nextPredictionId++, task, score, version, null, "[]"));
    }

    public IReadOnlyList<FakePrediction> Predictions
    {
        get { lock (gate) return predictions.ToList(); }
    }

    public IReadOnlyList<FakeTask> Tasks
    {
        get { lock (gate) return tasks.Values.ToList(); }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Cloud.DisposeAsync();
    }

    private async Task InjectFaults(HttpContext context, RequestDelegate next)
    {
        FakeFault? fault;
        lock (gate)
        {
            fault = faults.FirstOrDefault(f => f.Remaining > 0 && (f.Method == "*" || f.Method == context.Request.Method)
                                               && (context.Request.Path.Value ?? "").StartsWith(f.PathStart, StringComparison.Ordinal));
            if (fault is not null && fault.ToSkip > 0)
            {
                fault.ToSkip--;
                fault = null;
            }
            else if (fault is not null) fault.Remaining--;
        }
        if (fault is null) { await next(context); return; }
        if (fault.AfterHandling)
        {
            var original = context.Response.Body;
            context.Response.Body = new MemoryStream();
            await next(context);
            context.Response.Body = original;
            context.Response.Headers.Clear();
            await Error(context, fault.Status, "answer lost by a gateway");
            return;
        }
        if (fault.CommitLate)
        {
            context.Request.EnableBuffering();
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Request.Body.Position = 0;
            await Task.Delay(fault.Delay ?? TimeSpan.Zero);
            var original = context.Response.Body;
            context.Response.Body = new MemoryStream();
            await next(context);
            context.Response.Body = original;
            return;
        }
        if (fault.Delay is { } delay)
        {
            try { await Task.Delay(delay, context.RequestAborted); }
            catch (OperationCanceledException) { return; }
            await next(context);
            return;
        }
        if (fault.Malformed)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"total": 3, "tasks": [{"id": 1, "data": {"ima""");
            return;
        }
        if (fault.RetryAfter is { } after)
            context.Response.Headers.RetryAfter = fault.RetryAfterAsDate
                ? (DateTimeOffset.UtcNow + after).ToString("R", System.Globalization.CultureInfo.InvariantCulture)
                : ((int)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Error(context, fault.Status, "injected fault");
    }

    private Task Authenticate(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/api/version", StringComparison.Ordinal) || path.StartsWith("/api/token/refresh", StringComparison.Ordinal)
            || path == "/health")
            return next(context);
        var header = context.Request.Headers.Authorization.ToString();
        bool ok;
        lock (gate)
            ok = header == $"Token {LegacyToken}" || (header.StartsWith("Bearer ", StringComparison.Ordinal) && accessTokens.Contains(header[7..]));
        if (ok) return next(context);
        return Error(context, 401, header.Length == 0 ? "Authentication credentials were not provided." : "Invalid token.");
    }

    internal static Task Json(HttpContext context, JsonNode? body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body?.ToJsonString() ?? "null");
    }

    /// <summary>Label Studio's error body: <c>{"id","status_code","version","detail","exc_info"}</c> (+ validation_errors).</summary>
    internal static Task Error(HttpContext context, int status, string detail, JsonObject? validation = null)
    {
        var body = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["status_code"] = status, ["version"] = "1.22.0", ["detail"] = detail, ["exc_info"] = null,
        };
        if (validation is not null) body["validation_errors"] = validation;
        return Json(context, body, status);
    }
}
