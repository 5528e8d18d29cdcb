using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Elfs.Connector.Tests.LabelStudio.Fake;

public sealed partial class FakeLabelStudio
{
    private static readonly string[] SamplingValues = ["Sequential sampling", "Uniform sampling", "Uncertainty sampling"];

    private void MapApi(WebApplication app)
    {
        app.MapGet("/api/version/", (HttpContext c) => Json(c, new JsonObject { ["release"] = "1.22.0" }));
        app.MapPost("/api/token/refresh/", RefreshToken);
        app.MapGet("/api/projects/{id:int}/", (HttpContext c, int id) => WithProject(c, id, () => Json(c, ProjectJson())));
        app.MapPatch("/api/projects/{id:int}/", PatchProject);
        app.MapGet("/api/tasks/", ListTasks);
        app.MapGet("/api/tasks/{id:long}/", (HttpContext c, long id) =>
        {
            lock (gate) return tasks.TryGetValue(id, out var t) ? Json(c, TaskJson(t)) : Error(c, 404, "Not found.");
        });
        app.MapPost("/api/projects/{id:int}/import/predictions", ImportPredictions);
        app.MapGet("/api/predictions/", (HttpContext c) =>
        {
            lock (gate) return Json(c, new JsonArray(predictions.Select(PredictionJson).ToArray()));
        });
        app.MapDelete("/api/predictions/{id:long}/", (HttpContext c, long id) =>
        {
            lock (gate) return predictions.RemoveAll(p => p.Id == id) > 0 ? Results.NoContent().ExecuteAsync(c) : Error(c, 404, "Not found.");
        });
        app.MapGet("/api/projects/{id:int}/model-versions/", (HttpContext c, int id) => WithProject(c, id, () =>
        {
            lock (gate)
                return Json(c, new JsonObject(predictions.GroupBy(p => p.ModelVersion)
                    .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)JsonValue.Create(g.Count())))));
        }));
        app.MapDelete("/api/projects/{id:int}/model-versions/", DeleteModelVersion);
        app.MapGet("/api/projects/{id:int}/next/", NextTask);
        app.MapPost("/api/tasks/{id:long}/annotations/", Annotate);
    }

    private Task WithProject(HttpContext context, int id, Func<Task> then) =>
        id == Project.Id ? then() : Error(context, 404, "Not found.");

    private async Task RefreshToken(HttpContext context)
    {
        var body = await ReadJson(context);
        if (body?["refresh"]?.GetValue<string>() != PersonalAccessToken)
        {
            await Error(context, 401, "Token is invalid or expired");
            return;
        }
        var serverNow = DateTimeOffset.UtcNow + ClockOffset;
        var access = FakeJwt.Create("access", serverNow + AccessLifetime, issued: serverNow);
        lock (gate)
        {
            accessTokens.Add(access);
            RefreshCount++;
        }
        await Json(context, new JsonObject { ["access"] = access });
    }

    private async Task PatchProject(HttpContext context, int id)
    {
        if (id != Project.Id) { await Error(context, 404, "Not found."); return; }
        var body = await ReadJson(context) as JsonObject ?? [];
        lock (gate)
        {
            if (body["sampling"] is { } sampling && !SamplingValues.Contains(sampling.GetValue<string>()))
            {
                Error(context, 400, "Validation error", new JsonObject { ["sampling"] = new JsonArray($"\"{sampling}\" is not a valid choice.") }).Wait();
                return;
            }
            if (body["model_version"] is { } mv)
            {
                var version = mv.GetValue<string>();
                if (version.Length > 0 && version != Project.ModelVersion && !predictions.Any(p => p.ModelVersion == version))
                {
                    Error(context, 400, "Validation error", new JsonObject
                    {
                        ["model_version"] = new JsonArray("Model version doesn't exist either as live model or as static predictions."),
                    }).Wait();
                    return;
                }
                Project.ModelVersion = version;
            }
            if (body["sampling"] is { } s) Project.Sampling = s.GetValue<string>();
            if (body["show_collab_predictions"] is { } show)
            {
                Project.ShowCollabPredictions = show.GetValue<bool>();
                if (!Project.ShowCollabPredictions) Project.ModelVersion = "";
            }
        }
        await Json(context, ProjectJson());
    }

    private Task ListTasks(HttpContext context)
    {
        var q = context.Request.Query;
        if (!int.TryParse(q["project"], out var project))
            return Json(context, new JsonObject { ["detail"] = "Neither project nor view id specified" }, 404);
        if (project != Project.Id) return Error(context, 404, "Not found.");
        var pageSize = int.TryParse(q["page_size"], out var size) && size > 0 ? size : 100;
        var page = int.TryParse(q["page"], out var p) ? p : 1;
        bool? labeled = null;
        var descending = false;
        if (q["query"].ToString() is { Length: > 0 } query)
        {
            var json = JsonNode.Parse(query)!;
            foreach (var item in json["filters"]?["items"]?.AsArray() ?? [])
                if (item!["filter"]!.GetValue<string>() == "filter:tasks:is_labeled" && item["operator"]!.GetValue<string>() == "equal")
                    labeled = item["value"]!.GetValue<bool>();
            descending = json["ordering"]?.AsArray().FirstOrDefault()?.GetValue<string>() == "-tasks:id";
        }
        lock (gate)
        {
            IEnumerable<FakeTask> selected = Filtered(labeled);
            if (descending) selected = selected.Reverse();
            var all = selected as IReadOnlyList<FakeTask> ?? selected.ToList();
            var pages = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
            if (page < 1 || page > pages) return Error(context, 404, "Invalid page.");
            var slice = all.Skip((page - 1) * pageSize).Take(pageSize).Select(t => (JsonNode?)TaskJson(t)).ToArray();
            return Json(context, new JsonObject
            {
                ["total_annotations"] = 0, ["total_predictions"] = 0, ["total"] = all.Count, ["tasks"] = new JsonArray(slice),
            });
        }
    }

    private async Task ImportPredictions(HttpContext context, int id)
    {
        if (id != Project.Id) { await Error(context, 404, "Not found."); return; }
        if (await ReadJson(context) is not JsonArray items) { await Error(context, 400, "Validation error"); return; }
        lock (gate)
        {
            var unknown = items.Select(i => i?["task"]).FirstOrDefault(t => t is null || !tasks.ContainsKey(t.GetValue<long>()));
            if (unknown is not null || items.Any(i => i?["task"] is null))
            {
                Error(context, 400, "Validation error", new JsonObject
                {
                    ["task"] = new JsonArray($"Invalid pk \"{unknown}\" - object does not exist."),
                }).Wait();
                return;
            }
            var created = 0;
            foreach (var item in items)
            {
                var score = item!["score"];
                var valid = item["result"] is JsonArray
                            && (score is null || (score.GetValueKind() == JsonValueKind.Number && score.GetValue<double>() is >= 0 and <= 1));
                if (!valid || SilentlySkip.Contains(item["task"]!.GetValue<long>())) continue;
                predictions.Add(new FakePrediction(nextPredictionId++, item["task"]!.GetValue<long>(), score?.GetValue<double>(),
                    item["model_version"]?.GetValue<string>() ?? "undefined", null, item["result"]!.ToJsonString()));
                created++;
            }
            Json(context, new JsonObject { ["created"] = created }, 201).Wait();
        }
    }

    private async Task DeleteModelVersion(HttpContext context, int id)
    {
        if (id != Project.Id) { await Error(context, 404, "Not found."); return; }
        var version = (await ReadJson(context))?["model_version"]?.GetValue<string>();
        int deleted;
        lock (gate)
        {
            deleted = predictions.RemoveAll(p => p.ModelVersion == version);
            if (version == Project.ModelVersion) Project.ModelVersion = null;
        }
        await Json(context, new JsonObject { ["deleted_predictions"] = deleted });
    }

    /// <summary>The CE label stream for user 1: own lock first, then uncertainty sampling (score, id; null first), else random / id order.</summary>
    private Task NextTask(HttpContext context, int id)
    {
        const int user = 1;
        lock (gate)
        {
            var pool = tasks.Values.Where(t => !t.IsLabeled && !t.AnnotatedBy.Contains(user)).ToList();
            var next = pool.FirstOrDefault(t => t.LockedBy == user);
            var unlocked = pool.Where(t => t.LockedBy is null).ToList();
            if (next is null && Project.Sampling == "Uncertainty sampling")
            {
                var scored = unlocked
                    .Select(t => (Task: t, Prediction: predictions.Where(p => p.Task == t.Id && p.ModelVersion == Project.ModelVersion)
                        .OrderBy(p => p.Score ?? double.MinValue).FirstOrDefault()))
                    .Where(x => x.Prediction is not null)
                    .OrderBy(x => x.Prediction!.Score ?? double.MinValue).ThenBy(x => x.Task.Id)
                    .ToList();
                next = scored.Count > 0 ? scored[0].Task : unlocked.Count > 0 ? unlocked[random.Next(unlocked.Count)] : null;
            }
            else if (next is null && Project.Sampling == "Uniform sampling")
                next = unlocked.Count > 0 ? unlocked[random.Next(unlocked.Count)] : null;
            else next ??= unlocked.FirstOrDefault();
            if (next is null) return Error(context, 404, "There are still some tasks to complete for the user, but they are locked by other annotators");
            next.LockedBy = user;
            return Json(context, TaskJson(next));
        }
    }

    private Task Annotate(HttpContext context, long id)
    {
        lock (gate)
        {
            if (!tasks.TryGetValue(id, out var task)) return Error(context, 404, "Not found.");
            task.AnnotatedBy.Add(1);
            task.IsLabeled = task.AnnotatedBy.Count >= Project.MaximumAnnotations;
            task.LockedBy = null;
            filtered.Clear();
            return Json(context, new JsonObject { ["id"] = id * 10, ["task"] = id, ["result"] = new JsonArray() }, 201);
        }
    }

    /// <summary>Tasks by id with is_labeled == labeled (all when null), cached until a task changes (fast 100k-task pages).</summary>
    private List<FakeTask> Filtered(bool? labeled)
    {
        if (!filtered.TryGetValue(labeled?.ToString() ?? "all", out var list))
            filtered[labeled?.ToString() ?? "all"] = list = tasks.Values.Where(t => labeled is null || t.IsLabeled == labeled).ToList();
        return list;
    }

    private JsonObject ProjectJson()
    {
        lock (gate)
            return new JsonObject
            {
                ["id"] = Project.Id, ["title"] = Project.Title, ["label_config"] = Project.LabelConfig, ["sampling"] = Project.Sampling,
                ["model_version"] = Project.ModelVersion, ["show_collab_predictions"] = Project.ShowCollabPredictions,
                ["maximum_annotations"] = Project.MaximumAnnotations, ["show_overlap_first"] = Project.ShowOverlapFirst,
                ["show_ground_truth_first"] = false, ["overlap_cohort_percentage"] = 100, ["task_number"] = tasks.Count,
                ["is_published"] = false, ["skip_queue"] = "REQUEUE_FOR_OTHERS",
            };
    }

    private JsonObject TaskJson(FakeTask t) => new()
    {
        ["id"] = t.Id, ["data"] = new JsonObject { ["image"] = t.Image }, ["meta"] = new JsonObject(),
        ["created_at"] = "2026-11-18T09:20:01.100223Z", ["updated_at"] = t.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        ["is_labeled"] = t.IsLabeled, ["overlap"] = Project.MaximumAnnotations, ["inner_id"] = t.Id, ["total_annotations"] = t.AnnotatedBy.Count,
        ["cancelled_annotations"] = 0, ["total_predictions"] = 0, ["project"] = Project.Id, ["updated_by"] = new JsonArray(),
        ["file_upload"] = null, ["storage_filename"] = null, ["allow_skip"] = true, ["comment_count"] = 0,
    };

    private static JsonObject PredictionJson(FakePrediction p) => new()
    {
        ["id"] = p.Id, ["task"] = p.Task, ["score"] = p.Score, ["model_version"] = p.ModelVersion, ["cluster"] = p.Cluster,
        ["result"] = JsonNode.Parse(p.ResultJson), ["project"] = 7, ["created_at"] = "2026-11-20T10:00:00.000000Z",
    };

    private static async Task<JsonNode?> ReadJson(HttpContext context)
    {
        try { return await JsonNode.ParseAsync(context.Request.Body); }
        catch (JsonException) { return null; }
    }
}
