using System.Net;
using Elfs.Connector.Cvat.Api;

namespace Elfs.Connector.Cvat;

/// <summary>
/// What a push will send: the queue's frames in rank order, resolved against their pool tasks' data meta, how they
/// are attached (by reference to one storage, or by re-upload), and every item refused with its reason.
/// </summary>
internal sealed class CvatPushPlan
{
    private CvatPushPlan(List<CvatChosenFrame> frames, List<RejectedItem> rejected, bool byReference, int? cloudStorageId)
    {
        Frames = frames;
        Rejected = rejected;
        ByReference = byReference;
        CloudStorageId = cloudStorageId;
    }

    public List<CvatChosenFrame> Frames { get; }
    public List<RejectedItem> Rejected { get; }
    public bool ByReference { get; }
    public int? CloudStorageId { get; }

    public static async Task<CvatPushPlan> BuildAsync(CvatApiClient api, RunId run, IReadOnlyList<Priority> queue,
        IReadOnlyDictionary<string, RunId> placed, CancellationToken cancellationToken)
    {
        var rejected = new List<RejectedItem>();
        var wanted = new List<(CvatItemId Id, Priority Item)>();
        var seen = new HashSet<CvatItemId>();
        foreach (var item in queue.OrderBy(p => p.Rank))
        {
            if (!CvatItemId.TryParse(item.ExternalId, out var id))
                rejected.Add(new RejectedItem(item.ExternalId, "not a CVAT item id; expected \"task:frame\""));
            else if (!seen.Add(id))
                rejected.Add(new RejectedItem(item.ExternalId, "listed twice in the queue"));
            else if (placed.TryGetValue(id.ToString(), out var other) && other != run)
                rejected.Add(new RejectedItem(item.ExternalId, $"already placed in the batch task of run {other}"));
            else wanted.Add((id, item));
        }

        var metas = new Dictionary<int, CvatDataMeta?>();
        foreach (var taskId in wanted.Select(w => w.Id.TaskId).Distinct())
        {
            var (answer, meta) = await api.AnswerAsync(api.Api.GetDataMetaAsync(taskId, cancellationToken));
            api.Ensure(answer, HttpStatusCode.NotFound);
            metas[taskId] = answer.Status == HttpStatusCode.NotFound ? null : meta;
        }

        var resolved = new List<(CvatItemId Id, Priority Item, string Name)>();
        foreach (var (id, item) in wanted)
        {
            var meta = metas[id.TaskId];
            var metaFrames = meta?.Frames ?? [];
            var size = meta?.Size ?? metaFrames.Count;
            if (meta is null) rejected.Add(new RejectedItem(item.ExternalId, $"pool task {id.TaskId} no longer exists"));
            else if (id.Frame >= size) rejected.Add(new RejectedItem(item.ExternalId, $"frame {id.Frame} is beyond the task's {size} frames"));
            else if (meta.DeletedFrames?.Contains(id.Frame) == true) rejected.Add(new RejectedItem(item.ExternalId, "the frame was deleted in CVAT"));
            else if (metaFrames.Count != size) rejected.Add(new RejectedItem(item.ExternalId, "frames of video tasks cannot be placed in a batch task"));
            else resolved.Add((id, item, metaFrames[id.Frame].Name));
        }

        var storages = resolved.Select(r => (metas[r.Id.TaskId]!.Storage, metas[r.Id.TaskId]!.CloudStorageId)).Distinct().ToList();
        var referable = storages.Count == 1
            && (storages[0].Storage == "share" || (storages[0].Storage == "cloud_storage" && storages[0].CloudStorageId is not null));
        var byReference = api.Options.AttachMode switch
        {
            CvatAttachMode.Upload => false,
            CvatAttachMode.Reference when !referable && resolved.Count > 0 => throw new LabelingToolException(
                $"{api.Keys.Key("AttachMode")} is Reference, but the chosen frames are not all on the server share or in one cloud storage " +
                $"(found: {string.Join(", ", storages.Select(s => s.Storage + (s.CloudStorageId is { } c ? $" #{c}" : "")))}); use Auto or Upload"),
            _ => referable,
        };
        var cloud = byReference && storages[0].Storage == "cloud_storage" ? storages[0].CloudStorageId : null;

        var frames = new List<CvatChosenFrame>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, item, name) in resolved)
        {
            var fileName = byReference ? name : CvatUploadName.Format(id, name);
            if (names.TryGetValue(fileName, out var first))
            {
                rejected.Add(new RejectedItem(item.ExternalId, $"the same file '{name}' as item {first}"));
                continue;
            }
            names[fileName] = item.ExternalId;
            frames.Add(new CvatChosenFrame(id, name, fileName, item.Rank, item.Reason));
        }
        return new CvatPushPlan(frames, rejected, byReference, cloud);
    }
}
