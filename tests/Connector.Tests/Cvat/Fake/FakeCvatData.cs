using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Elfs.Connector.Tests.Cvat.Fake;

/// <summary>The fake's data creation: the three upload headers, data by reference, and the request lifecycle.</summary>
public sealed partial class FakeCvat
{
    private async Task<IResult> PostData(int id, HttpContext c)
    {
        var headers = c.Request.Headers;
        var multipart = c.Request.HasFormContentType;
        IFormCollection? form = multipart ? await c.Request.ReadFormAsync() : null;
        var body = multipart ? null : await ReadJson(c);
        lock (gate)
        {
            if (!Tasks.TryGetValue(id, out var task) || !Visible(c)) return Detail(404, "No Task matches the given query.");
            if (task.RequestId is { } rq && Requests.TryGetValue(rq, out var running) && running.Status is "queued" or "started")
                return Results.Text(new JsonObject { ["rq_id"] = rq }.ToJsonString(), "application/vnd.cvat+json", statusCode: 409);
            if (task.HasData || task.RequestId is not null)
                return Results.Text("\"Adding more data is not supported\"", "application/vnd.cvat+json", statusCode: 400);

            if (headers.ContainsKey("Upload-Multiple"))
            {
                if (form is null || form["image_quality"].Count == 0) return FieldError("image_quality", "This field is required.");
                foreach (var file in form.Files)
                {
                    if (task.Uploaded.Any(u => u.Name == file.FileName))
                        return Results.Content("<!doctype html><html><head><title>Server Error (500)</title></head><body><h1>Server Error (500)</h1></body></html>",
                            "text/html", statusCode: 500);
                }
                foreach (var file in form.Files)
                {
                    using var stream = new MemoryStream();
                    file.CopyTo(stream);
                    task.Uploaded.Add((file.FileName, stream.ToArray()));
                }
                OnUploaded?.Invoke(task.Uploaded.Count);
                if (LoseNextUploadAnswer)
                {
                    LoseNextUploadAnswer = false;
                    return Results.StatusCode(503);
                }
                return Results.Ok();
            }
            if (body is not JsonObject o) return Bare("Invalid data. Expected a dictionary, but got list.");
            if (o["image_quality"] is null) return FieldError("image_quality", "This field is required.");
            if (headers.ContainsKey("Upload-Start"))
            {
                task.UploadStarted = true;
                return Results.StatusCode(202);
            }
            var predefined = o["sorting_method"]?.GetValue<string>() == "predefined";
            List<string> order;
            Func<string, byte[]?> resolve;
            if (headers.ContainsKey("Upload-Finish"))
            {
                order = o["upload_file_order"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
                var uploaded = task.Uploaded.ToDictionary(u => u.Name, u => u.Bytes);
                if (order.Count > 0 && (order.Count != uploaded.Count || order.Any(n => !uploaded.ContainsKey(n))))
                    return Bare("Incorrect file mapping to manifest content or uploaded files");
                if (order.Count == 0) order = task.Uploaded.Select(u => u.Name).ToList();
                resolve = n => uploaded.GetValueOrDefault(n);
            }
            else
            {
                order = o["server_files"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
                var cloud = o["cloud_storage_id"]?.GetValue<int>();
                var files = cloud is { } cid ? Cloud.GetValueOrDefault(cid) : Share;
                if (cloud is { } missing && files is null) return Detail(409, $"The cloud storage {missing} does not exist");
                resolve = n => files!.GetValueOrDefault(n);
            }
            if (!predefined || IgnoreSortingMethod) order = order.Order(StringComparer.Ordinal).ToList();
            var rqId = string.Create(CultureInfo.InvariantCulture, $"action=create&target=task&target_id={task.Id}");
            task.RequestId = rqId;
            Requests[rqId] = new FakeCvatRequest
            {
                Id = rqId,
                TaskId = task.Id,
                Complete = () =>
                {
                    if (CreationFailure?.Invoke(task) is { } failure) return failure;
                    var frames = order.Select(n => (n, resolve(n))).ToList();
                    if (frames.Count == 0 || frames.Any(f => f.Item2 is null)) return "ValueError: No media data found\n";
                    foreach (var (name, bytes) in frames) task.Frames.Add((name, bytes!));
                    MakeJobs(task);
                    return null;
                },
            };
            if (CompleteDataImmediately)
            {
                var failure = Requests[rqId].Complete();
                Requests[rqId].Status = failure is null ? "finished" : "failed";
                Requests[rqId].Message = failure ?? "";
            }
            if (LoseNextDataAnswer)
            {
                LoseNextDataAnswer = false;
                return Results.StatusCode(503);
            }
            return Results.Text(new JsonObject { ["rq_id"] = rqId }.ToJsonString(), "application/vnd.cvat+json", statusCode: 202);
        }
    }

    /// <summary>The next Upload-Multiple is stored but answered 503, as when a proxy loses the answer.</summary>
    public bool LoseNextUploadAnswer { get; set; }

    /// <summary>The next data submission (Upload-Finish or by reference) is accepted but answered 503.</summary>
    public bool LoseNextDataAnswer { get; set; }

    /// <summary>Data is created at once on submission (a retried submission then meets a finished request).</summary>
    public bool CompleteDataImmediately { get; set; }

    /// <summary>Sorts files by name whatever sorting_method says (an old server's ordering bug).</summary>
    public bool IgnoreSortingMethod { get; set; }

    private IResult PollRequest(string id)
    {
        lock (gate)
        {
            if (!Requests.TryGetValue(id, out var request))
                return Results.Text("There is no request with specified id", "text/plain", statusCode: 404);
            request.Polls++;
            if (request.Status == "queued") request.Status = "started";
            else if (request.Status == "started" && request.Polls >= PollsToFinish)
            {
                var failure = request.Complete();
                request.Status = failure is null ? "finished" : "failed";
                request.Message = failure ?? "";
                if (failure is null && ExpireFinishedRequests)
                {
                    Requests.TryRemove(id, out _);
                    return Results.Text("There is no request with specified id", "text/plain", statusCode: 404);
                }
            }
            return Json(RequestJson(request));
        }
    }

    private IResult ListRequests(HttpContext c)
    {
        var q = c.Request.Query;
        lock (gate)
        {
            IEnumerable<FakeCvatRequest> requests = Requests.Values;
            if (int.TryParse(q["task_id"], out var task)) requests = requests.Where(r => r.TaskId == task);
            return Page(c, requests.Select(r => (JsonNode)RequestJson(r)).ToList());
        }
    }

    private static JsonObject RequestJson(FakeCvatRequest r) => new()
    {
        ["status"] = r.Status,
        ["message"] = r.Message,
        ["id"] = r.Id,
        ["operation"] = new JsonObject { ["type"] = "create:task", ["target"] = "task", ["task_id"] = r.TaskId, ["job_id"] = null },
        ["progress"] = r.Status == "finished" ? 1.0 : 0.0,
        ["owner"] = new JsonObject { ["id"] = 1, ["username"] = "admin1" },
        ["result_url"] = null,
    };
}
