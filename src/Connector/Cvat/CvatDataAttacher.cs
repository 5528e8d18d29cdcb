using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Elfs.Connector.Cvat.Api;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Attaches a plan's frames to a new batch task in rank order (<c>sorting_method: predefined</c>): one data request
/// naming share or cloud files, or a re-upload (<c>Upload-Start</c>, <c>Upload-Multiple</c> batches,
/// <c>Upload-Finish</c> with <c>upload_file_order</c>). CVAT's answers for data that is already there are accepted:
/// 409 while the creation request runs (its id is returned) and 400 "Adding more data is not supported" once finished;
/// a 500 on an upload batch (a file name the task already holds, after a lost answer) raises
/// <see cref="CvatUploadStateException"/> so the caller starts over on a fresh task.
/// </summary>
internal sealed class CvatDataAttacher(CvatApiClient api, CvatFrameSource source)
{
    private const string Predefined = "predefined";

    public async Task<CvatAttachOutcome> AttachAsync(int taskId, CvatPushPlan plan, CancellationToken cancellationToken)
    {
        if (plan.ByReference)
        {
            var body = new CvatDataWrite
            {
                ImageQuality = api.Options.ImageQuality,
                ServerFiles = plan.Frames.Select(f => f.FileName).ToList(),
                CloudStorageId = plan.CloudStorageId,
                UseCache = plan.CloudStorageId is null ? null : true,
                SortingMethod = Predefined,
            };
            var answer = await api.SendJsonAsync(HttpMethod.Post, DataPath(taskId), body, CvatJsonContext.Default.CvatDataWrite, cancellationToken);
            return new CvatAttachOutcome(RequestOf(answer), plan.Frames, []);
        }
        return await UploadAsync(taskId, plan.Frames, cancellationToken);
    }

    public static string DataPath(int taskId) => string.Create(CultureInfo.InvariantCulture, $"api/tasks/{taskId}/data/");

    private async Task<CvatAttachOutcome> UploadAsync(int taskId, List<CvatChosenFrame> frames, CancellationToken cancellationToken)
    {
        var options = api.Options;
        var start = await api.SendJsonAsync(HttpMethod.Post, DataPath(taskId), new CvatDataWrite { ImageQuality = options.ImageQuality },
            CvatJsonContext.Default.CvatDataWrite, cancellationToken, [new("Upload-Start", "true")]);
        if (start.Status is HttpStatusCode.Conflict || IsAlreadyAttached(start)) return new CvatAttachOutcome(RequestOf(start), frames, []);
        api.Ensure(start);

        var attached = new List<CvatChosenFrame>();
        var rejected = new List<RejectedItem>();
        foreach (var group in frames.Chunk(options.UploadBatchFiles))
        {
            var files = await DownloadAsync(group, rejected, cancellationToken);
            foreach (var batch in ByBytes(files, options.UploadBatchBytes)) await SendFilesAsync(taskId, batch, cancellationToken);
            attached.AddRange(files.Select(f => f.Frame));
        }
        if (attached.Count == 0) return new CvatAttachOutcome(null, attached, rejected);

        var finish = new CvatDataWrite
        {
            ImageQuality = options.ImageQuality,
            SortingMethod = Predefined,
            UploadFileOrder = attached.Select(f => f.FileName).ToList(),
        };
        var answer = await api.SendJsonAsync(HttpMethod.Post, DataPath(taskId), finish, CvatJsonContext.Default.CvatDataWrite, cancellationToken,
            [new("Upload-Finish", "true")]);
        return new CvatAttachOutcome(RequestOf(answer), attached, rejected);
    }

    private async Task<List<(CvatChosenFrame Frame, byte[] Bytes)>> DownloadAsync(CvatChosenFrame[] group, List<RejectedItem> rejected,
        CancellationToken cancellationToken)
    {
        var results = new (byte[]? Bytes, string? Error)[group.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, group.Length),
            new ParallelOptions { MaxDegreeOfParallelism = api.Options.DownloadConcurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try { results[i] = (await source.ReadAsync(group[i].Id, ct), null); }
                catch (ItemUnavailableException e) { results[i] = (null, e.Reason); }
            });
        var files = new List<(CvatChosenFrame, byte[])>();
        for (var i = 0; i < group.Length; i++)
            if (results[i].Bytes is { } bytes) files.Add((group[i], bytes));
            else rejected.Add(new RejectedItem(group[i].Id.ToString(), $"its image could not be read from the pool: {results[i].Error}"));
        return files;
    }

    private static IEnumerable<List<(CvatChosenFrame Frame, byte[] Bytes)>> ByBytes(List<(CvatChosenFrame Frame, byte[] Bytes)> files, long maxBytes)
    {
        var batch = new List<(CvatChosenFrame, byte[])>();
        long bytes = 0;
        foreach (var file in files)
        {
            if (batch.Count > 0 && bytes + file.Bytes.Length > maxBytes)
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(file);
            bytes += file.Bytes.Length;
        }
        if (batch.Count > 0) yield return batch;
    }

    private async Task SendFilesAsync(int taskId, List<(CvatChosenFrame Frame, byte[] Bytes)> batch, CancellationToken cancellationToken)
    {
        var answer = await PostFilesAsync(taskId, batch, cancellationToken);
        // CVAT answers 500 for a file name the task already holds: an earlier attempt of this batch arrived although its
        // answer was lost. Which files the task holds cannot be read back before Upload-Finish, so start over.
        if (answer.Status == HttpStatusCode.InternalServerError)
            throw new CvatUploadStateException(taskId, api.Explain(answer));
        api.Ensure(answer);
    }

    private Task<CvatAnswer> PostFilesAsync(int taskId, List<(CvatChosenFrame Frame, byte[] Bytes)> batch, CancellationToken cancellationToken)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(api.Options.ImageQuality.ToString(CultureInfo.InvariantCulture)), "image_quality" },
        };
        for (var i = 0; i < batch.Count; i++)
        {
            var file = new ByteArrayContent(batch[i].Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, string.Create(CultureInfo.InvariantCulture, $"client_files[{i}]"), batch[i].Frame.FileName);
        }
        return api.SendAsync(HttpMethod.Post, DataPath(taskId), form, cancellationToken, [new("Upload-Multiple", "true")]);
    }

    /// <summary>The request id of a data answer (202, or 409 while one runs); null when the task already has its data.</summary>
    private string? RequestOf(CvatAnswer answer)
    {
        if (IsAlreadyAttached(answer)) return null;
        api.Ensure(answer, HttpStatusCode.Conflict);
        var rq = CvatApiClient.Read(answer, CvatJsonContext.Default.CvatRqId).RqId;
        return string.IsNullOrEmpty(rq) ? throw new LabelingToolException($"CVAT answered {answer.Method} {answer.Path} without a request id") : rq;
    }

    private static bool IsAlreadyAttached(CvatAnswer answer) =>
        answer.Status == HttpStatusCode.BadRequest && answer.Body.Contains("Adding more data is not supported", StringComparison.OrdinalIgnoreCase);
}
