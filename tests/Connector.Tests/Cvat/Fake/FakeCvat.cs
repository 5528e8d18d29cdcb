using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elfs.Connector.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Elfs.Connector.Tests.Cvat.Fake;

/// <summary>
/// A fake CVAT 2.64 on 127.0.0.1 following the research notes and server-behaviour corrections: token auth (Bearer
/// or Token), <c>X-Organization</c>, 406 for <c>Accept: application/json</c> alone, 404 for trailing slashes except
/// <c>/data/</c>, pagination, data meta with deleted frames, jobs in states, frame download answered 429 with
/// <c>Retry-After</c> on a task's first frame request, task creation, the three upload headers (500 for a file name
/// already uploaded), the async request lifecycle (409 while running, 400 after finish, 404 once expired).
/// </summary>
public sealed partial class FakeCvat : IAsyncDisposable
{
    private readonly object gate = new();
    private LoopbackServer server = null!;
    private int nextTaskId = 1;
    private int nextJobId = 1;
    private int nextGuideId = 1;

    public string Token { get; set; } = "secret-pat";
    public string Scheme { get; set; } = "Bearer";

    /// <summary>When set, every project and task belongs to this organization: invisible without its slug in X-Organization.</summary>
    public string? Organization { get; set; }

    /// <summary>
    /// CVAT 2.64's rule for a request without <c>X-Organization</c>: it sees everything (organization data included),
    /// but creating a task in an organization's project still fails with "same organization". Off by default (the fake
    /// then hides organization data from such requests).
    /// </summary>
    public bool AbsentHeaderSeesAll { get; set; }

    public Dictionary<int, string> Projects { get; } = new() { [1] = "pool", [2] = "annotation" };
    public Dictionary<int, FakeCvatTask> Tasks { get; } = [];
    public List<FakeCvatJob> Jobs { get; } = [];
    public ConcurrentDictionary<string, FakeCvatRequest> Requests { get; } = new();
    public Dictionary<string, int> Users { get; } = new() { ["admin1"] = 1, ["anna"] = 5, ["ben"] = 6 };

    /// <summary>Files on the server share, by relative path.</summary>
    public Dictionary<string, byte[]> Share { get; } = [];

    /// <summary>Cloud storages: id → files by key.</summary>
    public Dictionary<int, Dictionary<string, byte[]>> Cloud { get; } = [];

    /// <summary>Whether a task's first frame request is answered 429 with Retry-After (the chunk is being prepared).</summary>
    public bool PrepareChunksFirst { get; set; } = true;

    /// <summary>Polls a creation request stays started before it completes.</summary>
    public int PollsToFinish { get; set; } = 2;

    /// <summary>When true a finished request is gone (404) by the time it is polled.</summary>
    public bool ExpireFinishedRequests { get; set; }

    /// <summary>When it returns a message, creating a task's data fails with it.</summary>
    public Func<FakeCvatTask, string?>? CreationFailure { get; set; }

    /// <summary>Runs first on every request; returning true means it wrote the answer (fault injection).</summary>
    public Func<HttpContext, bool>? Fault { get; set; }

    /// <summary>Like <see cref="Fault"/>, for faults that take time (a body that stalls mid-stream).</summary>
    public Func<HttpContext, Task<bool>>? SlowFault { get; set; }

    /// <summary>Distinct TCP connections the server has accepted requests on.</summary>
    public int ConnectionCount => server.ConnectionCount;

    /// <summary>Called after each Upload-Multiple with the number of files the task now holds.</summary>
    public Action<int>? OnUploaded { get; set; }

    public ConcurrentQueue<FakeCvatSeen> Seen { get; } = new();

    public Uri BaseUri => server.BaseUri;
    public string Url => server.BaseUri.ToString().TrimEnd('/');
    public int RequestCount => server.RequestCount;
    public IReadOnlyList<RecordedRequest> Recorded => server.Requests;

    public static async Task<FakeCvat> StartAsync(bool recordBodies = true)
    {
        var fake = new FakeCvat();
        fake.server = await LoopbackServer.StartAsync(fake.Map, recordBodies);
        return fake;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    /// <summary>Adds a pool task with <paramref name="frames"/> images named <c>prefix_i.png</c> and jobs of <paramref name="segment"/> frames.</summary>
    public FakeCvatTask AddTask(int projectId, string name, int frames, int segment, string storage = "local", int? cloudStorageId = null,
        string? prefix = null, int imageBytes = 64)
    {
        lock (gate)
        {
            var task = new FakeCvatTask { Id = nextTaskId++, Name = name, ProjectId = projectId, SegmentSize = segment, Storage = storage,
                CloudStorageId = cloudStorageId };
            for (var i = 0; i < frames; i++)
            {
                var file = string.Create(CultureInfo.InvariantCulture, $"{prefix ?? "t" + task.Id}/img_{i:D5}.png");
                var bytes = ImageBytes(task.Id, i, imageBytes);
                task.Frames.Add((file, bytes));
                if (storage == "share") Share[file] = bytes;
                if (storage == "cloud_storage") (Cloud.TryGetValue(cloudStorageId!.Value, out var c) ? c : Cloud[cloudStorageId.Value] = [])[file] = bytes;
            }
            Tasks[task.Id] = task;
            MakeJobs(task);
            return task;
        }
    }

    /// <summary>Deterministic fake image bytes: a PNG signature then the task and frame.</summary>
    public static byte[] ImageBytes(int task, int frame, int size = 64)
    {
        var bytes = new byte[Math.Max(size, 16)];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), task);
        BitConverter.TryWriteBytes(bytes.AsSpan(12), frame);
        return bytes;
    }

    public List<FakeCvatJob> JobsOf(int taskId)
    {
        lock (gate) return Jobs.Where(j => j.TaskId == taskId).OrderBy(j => j.Start).ToList();
    }

    public List<FakeCvatTask> TasksIn(int projectId)
    {
        lock (gate) return Tasks.Values.Where(t => t.ProjectId == projectId).OrderBy(t => t.Id).ToList();
    }

    private void MakeJobs(FakeCvatTask task)
    {
        for (var start = 0; start < task.Frames.Count; start += task.SegmentSize)
            Jobs.Add(new FakeCvatJob { Id = nextJobId++, TaskId = task.Id, Start = start, Stop = Math.Min(start + task.SegmentSize, task.Frames.Count) - 1 });
    }

    private void Map(WebApplication app)
    {
        app.Use(Gatekeeper);
        app.MapGet("/api/server/about", () => Json(new JsonObject
        {
            ["name"] = "Computer Vision Annotation Tool", ["description"] = "", ["version"] = "2.64.0", ["logo_url"] = "", ["subtitle"] = "",
        }));
        app.MapGet("/api/users/self", () => Json(new JsonObject { ["id"] = 1, ["username"] = "admin1" }));
        app.MapGet("/api/users", (HttpContext c) => ListUsers(c));
        app.MapGet("/api/projects/{id:int}", (int id, HttpContext c) => GetProject(id, c));
        app.MapGet("/api/labels", (HttpContext c) => Page(c, new[] { "cat", "dog", "bird" }.Select((n, i) => (JsonNode)new JsonObject
        {
            ["id"] = i + 1, ["name"] = n, ["parent_id"] = null, ["type"] = "any",
        }).ToList()));
        app.MapGet("/api/tasks", (HttpContext c) => ListTasks(c));
        app.MapPost("/api/tasks", (Delegate)((HttpContext c) => CreateTask(c)));
        app.MapGet("/api/tasks/{id:int}", (int id, HttpContext c) => WithTask(id, c, t => Json(TaskJson(t))));
        app.MapDelete("/api/tasks/{id:int}", (int id, HttpContext c) => WithTask(id, c, t => DeleteTask(t)));
        app.MapGet("/api/tasks/{id:int}/data/meta", (int id, HttpContext c) => WithTask(id, c, t => Json(MetaJson(t))));
        app.MapGet("/api/tasks/{id:int}/data", (int id, HttpContext c) => WithTask(id, c, t => Frame(t, c)));
        app.MapPost("/api/tasks/{id:int}/data/", (int id, HttpContext c) => PostData(id, c));
        app.MapGet("/api/jobs", (HttpContext c) => ListJobs(c));
        app.MapPatch("/api/jobs/{id:int}", (int id, HttpContext c) => PatchJob(id, c));
        app.MapGet("/api/requests", (HttpContext c) => ListRequests(c));
        app.MapGet("/api/requests/{id}", (string id) => PollRequest(id));
        app.MapPost("/api/guides", (Delegate)((HttpContext c) => CreateGuide(c)));
    }

    private async Task Gatekeeper(HttpContext c, RequestDelegate next)
    {
        var path = c.Request.Path.Value ?? "";
        var accept = c.Request.Headers.Accept.Count > 0 ? c.Request.Headers.Accept.ToString() : null;
        var org = c.Request.Headers.TryGetValue("X-Organization", out var o) ? o.ToString() : null;
        var upload = new[] { "Upload-Start", "Upload-Multiple", "Upload-Finish" }.FirstOrDefault(h => c.Request.Headers.ContainsKey(h));
        var raw = c.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? path;
        Seen.Enqueue(new FakeCvatSeen(c.Request.Method, path + c.Request.QueryString, accept, org, upload, raw));
        if (Fault?.Invoke(c) == true) return;
        if (SlowFault is not null && await SlowFault(c)) return;
        if (path.EndsWith('/') && !path.EndsWith("/data/", StringComparison.Ordinal) && !path.EndsWith("/annotations/", StringComparison.Ordinal))
        {
            await Results.Content("<!doctype html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>",
                "text/html", statusCode: 404).ExecuteAsync(c);
            return;
        }
        if (accept is not null && accept.Split(',').All(a => a.Trim().StartsWith("application/json", StringComparison.Ordinal)))
        {
            await Detail(406, "Could not satisfy the request Accept header.").ExecuteAsync(c);
            return;
        }
        var auth = c.Request.Headers.Authorization.ToString();
        if (auth.Length == 0)
        {
            await Detail(401, "Authentication credentials were not provided.").ExecuteAsync(c);
            return;
        }
        if (auth != $"{Scheme} {Token}")
        {
            await Detail(401, "Invalid token.").ExecuteAsync(c);
            return;
        }
        if (!string.IsNullOrEmpty(org) && org != Organization)
        {
            await Detail(404, $"{org} organization does not exist.").ExecuteAsync(c);
            return;
        }
        await next(c);
    }

    /// <summary>Whether the request sees the fake's organization-owned resources.</summary>
    private bool Visible(HttpContext c) =>
        Organization is null || (c.Request.Headers.TryGetValue("X-Organization", out var org) ? org.ToString() == Organization : AbsentHeaderSeesAll);

    private bool InOrganization(HttpContext c) =>
        Organization is null || (c.Request.Headers.TryGetValue("X-Organization", out var org) && org.ToString() == Organization);

    private IResult GetProject(int id, HttpContext c)
    {
        lock (gate)
            return Projects.TryGetValue(id, out var name) && Visible(c)
                ? Json(new JsonObject { ["id"] = id, ["name"] = name, ["organization_id"] = Organization is null ? null : 7 })
                : Detail(404, "No Project matches the given query.");
    }

    private IResult ListUsers(HttpContext c)
    {
        var username = c.Request.Query["username"].ToString();
        lock (gate)
            return Page(c, Users.Where(u => username.Length == 0 || u.Key == username)
                .Select(u => (JsonNode)new JsonObject { ["id"] = u.Value, ["username"] = u.Key, ["first_name"] = "", ["last_name"] = "" }).ToList());
    }

    private IResult ListTasks(HttpContext c)
    {
        var q = c.Request.Query;
        lock (gate)
        {
            IEnumerable<FakeCvatTask> tasks = Visible(c) ? Tasks.Values : [];
            if (int.TryParse(q["project_id"], out var project)) tasks = tasks.Where(t => t.ProjectId == project);
            var search = q["search"].ToString();
            if (search.Length > 0) tasks = tasks.Where(t => t.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
            tasks = q["sort"] == "id" ? tasks.OrderBy(t => t.Id) : tasks.OrderByDescending(t => t.Id);
            return Page(c, tasks.Select(t => (JsonNode)TaskJson(t)).ToList());
        }
    }

    private IResult ListJobs(HttpContext c)
    {
        var q = c.Request.Query;
        lock (gate)
        {
            IEnumerable<FakeCvatJob> jobs = Visible(c) ? Jobs : [];
            if (int.TryParse(q["task_id"], out var task)) jobs = jobs.Where(j => j.TaskId == task);
            if (int.TryParse(q["project_id"], out var project)) jobs = jobs.Where(j => Tasks.TryGetValue(j.TaskId, out var t) && t.ProjectId == project);
            if (q["type"].Count > 0) jobs = jobs.Where(j => j.Type == q["type"]);
            if (q["state"].Count > 0) jobs = jobs.Where(j => j.State == q["state"]);
            jobs = q["sort"] == "id" ? jobs.OrderBy(j => j.Id) : jobs.OrderByDescending(j => j.Id);
            return Page(c, jobs.Select(j => (JsonNode)JobJson(j)).ToList());
        }
    }

    private IResult WithTask(int id, HttpContext c, Func<FakeCvatTask, IResult> then)
    {
        lock (gate)
            return Tasks.TryGetValue(id, out var task) && Visible(c) ? then(task) : Detail(404, "No Task matches the given query.");
    }

    private IResult DeleteTask(FakeCvatTask task)
    {
        Tasks.Remove(task.Id);
        Jobs.RemoveAll(j => j.TaskId == task.Id);
        foreach (var r in Requests.Values.Where(r => r.TaskId == task.Id)) Requests.TryRemove(r.Id, out _);
        return Results.StatusCode(204);
    }

    private async Task<IResult> CreateTask(HttpContext c)
    {
        var body = await ReadJson(c);
        if (body is not JsonObject o) return Bare("Invalid data. Expected a dictionary, but got list.");
        var name = o["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name)) return FieldError("name", "This field is required.");
        var projectId = o["project_id"]?.GetValue<int>();
        lock (gate)
        {
            if (projectId is { } p && !Projects.ContainsKey(p)) return FieldError("project_id", $"Invalid pk \"{p}\" - object does not exist.");
            if (Organization is not null && !InOrganization(c)) return Bare("The task and its project should be in the same organization.");
            var task = new FakeCvatTask { Id = nextTaskId++, Name = name, ProjectId = projectId, SegmentSize = o["segment_size"]?.GetValue<int>() ?? 0 };
            Tasks[task.Id] = task;
            return Results.Text(TaskJson(task).ToJsonString(), "application/vnd.cvat+json", statusCode: 201);
        }
    }

    private IResult Frame(FakeCvatTask task, HttpContext c)
    {
        var q = c.Request.Query;
        if (q["type"] != "frame") return Detail(400, "type: this fake serves frames only");
        if (!int.TryParse(q["number"], out var number) || number < 0 || number >= task.Frames.Count)
            return Results.Text(JsonSerializer.Serialize(
                $"Invalid frame '{q["number"]}'. The frame number should be in the [0, {task.Frames.Count - 1}] range"),
                "application/vnd.cvat+json", statusCode: 400);
        if (PrepareChunksFirst && task.FrameRequests++ == 0)
        {
            c.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(429);
        }
        return Results.Bytes(task.Frames[number].Bytes, "image/png");
    }

    private async Task<IResult> PatchJob(int id, HttpContext c)
    {
        var body = await ReadJson(c);
        lock (gate)
        {
            var job = Jobs.FirstOrDefault(j => j.Id == id);
            if (job is null || !Visible(c)) return Detail(404, "No Job matches the given query.");
            if (body?["assignee"] is { } a) job.AssigneeId = a.GetValue<int>();
            return Json(JobJson(job));
        }
    }

    private async Task<IResult> CreateGuide(HttpContext c)
    {
        var body = await ReadJson(c);
        lock (gate)
        {
            var taskId = body?["task_id"]?.GetValue<int>() ?? 0;
            if (!Tasks.TryGetValue(taskId, out var task)) return FieldError("task_id", "Invalid task");
            if (task.GuideId is not null) return Bare("Task already has a guide");
            task.GuideId = nextGuideId++;
            task.Guide = body!["markdown"]?.GetValue<string>();
            return Results.Text(new JsonObject { ["id"] = task.GuideId, ["task_id"] = taskId, ["markdown"] = task.Guide }.ToJsonString(),
                "application/vnd.cvat+json", statusCode: 201);
        }
    }
}
