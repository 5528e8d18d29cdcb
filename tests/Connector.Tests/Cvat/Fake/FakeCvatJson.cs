using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Elfs.Connector.Tests.Cvat.Fake;

/// <summary>The fake's response bodies, shaped like CVAT 2.64's serializers (nulls where the server sends them).</summary>
public sealed partial class FakeCvat
{
    private const string MediaType = "application/vnd.cvat+json";

    private JsonObject TaskJson(FakeCvatTask t)
    {
        var jobs = Jobs.Where(j => j.TaskId == t.Id).ToList();
        var o = new JsonObject
        {
            ["id"] = t.Id,
            ["name"] = t.Name,
            ["project_id"] = t.ProjectId,
            ["mode"] = t.HasData ? "annotation" : "",
            ["owner"] = new JsonObject { ["id"] = 1, ["username"] = "admin1" },
            ["assignee"] = null,
            ["overlap"] = t.HasData ? 0 : null,
            ["segment_size"] = t.SegmentSize,
            ["status"] = "annotation",
            ["data_original_chunk_type"] = t.IsVideo ? "video" : "imageset",
            ["data_cloud_storage_id"] = t.CloudStorageId,
            ["organization_id"] = Organization is null ? null : 7,
            ["guide_id"] = t.GuideId,
            ["updated_date"] = t.Updated.ToString("O"),
            ["jobs"] = new JsonObject
            {
                ["count"] = jobs.Count, ["completed"] = jobs.Count(j => j.State == "completed"), ["validation"] = 0,
                ["url"] = $"{Url}/api/jobs?task_id={t.Id}",
            },
            ["source_storage"] = null,
            ["target_storage"] = null,
        };
        // CVAT leaves these out entirely for a task without data.
        if (t.HasData)
        {
            o["size"] = t.IsVideo ? t.Frames.Count * 10 : t.Frames.Count;
            o["image_quality"] = 70;
            o["data_chunk_size"] = 72;
        }
        return o;
    }

    private static JsonObject JobJson(FakeCvatJob j) => new()
    {
        ["id"] = j.Id,
        ["task_id"] = j.TaskId,
        ["type"] = j.Type,
        ["state"] = j.State,
        ["stage"] = j.Stage,
        ["status"] = j.State == "completed" ? "completed" : "annotation",
        ["start_frame"] = j.Start,
        ["stop_frame"] = j.Stop,
        ["frame_count"] = j.Stop - j.Start + 1,
        ["assignee"] = j.AssigneeId is { } a ? new JsonObject { ["id"] = a, ["username"] = "user" + a } : null,
        ["parent_job_id"] = null,
    };

    private static JsonObject MetaJson(FakeCvatTask t)
    {
        var frames = t.IsVideo ? t.Frames.Take(1) : t.Frames;
        return new JsonObject
        {
            ["chapters"] = null,
            ["chunks_updated_date"] = "2026-11-01T10:00:00Z",
            ["chunk_size"] = 72,
            ["size"] = t.IsVideo ? t.Frames.Count * 10 : t.Frames.Count,
            ["image_quality"] = 70,
            ["start_frame"] = 0,
            ["stop_frame"] = Math.Max(t.Frames.Count - 1, 0),
            ["frame_filter"] = "",
            ["frames"] = new JsonArray(frames.Select(f => (JsonNode)new JsonObject
            {
                ["width"] = 28, ["height"] = 28, ["name"] = f.Name, ["related_files"] = 0, ["has_related_context"] = false,
            }).ToArray()),
            ["deleted_frames"] = new JsonArray(t.Deleted.Order().Select(d => (JsonNode)d).ToArray()),
            ["included_frames"] = null,
            ["storage"] = t.Storage,
            ["cloud_storage_id"] = t.CloudStorageId,
        };
    }

    private IResult Page(HttpContext c, List<JsonNode> items)
    {
        var q = c.Request.Query;
        var page = int.TryParse(q["page"], out var p) ? p : 1;
        var size = q["page_size"] == "all" ? Math.Max(items.Count, 1) : int.TryParse(q["page_size"], out var s) ? s : 10;
        if (page < 1 || page > Math.Max(1, (items.Count + size - 1) / size)) return Detail(404, "Invalid page.");
        var slice = items.Skip((page - 1) * size).Take(size).Select(n => n.DeepClone()).ToArray();
        var more = page * size < items.Count;
        return Json(new JsonObject
        {
            ["count"] = items.Count,
            // Built from an internal host name, as behind a misconfigured proxy: clients must not follow it blindly.
            ["next"] = more ? $"http://cvat-internal:8080{c.Request.Path}?page={page + 1}&page_size={size}" : null,
            ["previous"] = page > 1 ? $"http://cvat-internal:8080{c.Request.Path}?page={page - 1}" : null,
            ["results"] = new JsonArray(slice),
        });
    }

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), MediaType);

    private static IResult Detail(int status, string detail) =>
        Results.Text(new JsonObject { ["detail"] = detail }.ToJsonString(), MediaType, statusCode: status);

    private static IResult Bare(string message) => Results.Text(new JsonArray(message).ToJsonString(), MediaType, statusCode: 400);

    private static IResult FieldError(string field, string message) =>
        Results.Text(new JsonObject { [field] = new JsonArray(message) }.ToJsonString(), MediaType, statusCode: 400);

    private static async Task<JsonNode?> ReadJson(HttpContext c)
    {
        try { return await JsonNode.ParseAsync(c.Request.Body); }
        catch (JsonException) { return null; }
    }
}
