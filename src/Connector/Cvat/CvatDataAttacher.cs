using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Elfs.Connector.Cvat.Api;
using Elfs.Connector.Http;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Attaches a plan's frames to a new batch task in rank order (<c>sorting_method: predefined</c>): one data request
/// naming share or cloud files, or a re-upload (<c>Upload-Start</c>, <c>Upload-Multiple</c> batches,
/// <c>Upload-Finish</c> with <c>upload_file_order</c>). CVAT's answers for data that is already there are accepted:
/// 409 while the creation request runs (its id is returned) and 400 "Adding more data is not supported" once finished;
/// a 5xx on an upload batch (possibly a file name the task already holds, after a lost answer) raises
/// <see cref="CvatUploadStateException"/> so the caller starts over on a fresh task.
/// </summary>
internal sealed class CvatDataAttacher(CvatApiClient api, CvatFrameSource source)
{
    private const string Predefined = "predefined";

    /// <summary>Pool tasks whose data CVAT is asked to prepare at once (waiting on Retry-After costs the server nothing).</summary>
    private const int PrepareConcurrency = 16;

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
            var (answer, _) = await api.AnswerAsync(api.Api.AttachDataAsync(taskId, body, cancellationToken));
            return new CvatAttachOutcome(RequestOf(answer), plan.Frames, []);
        }
        return await UploadAsync(taskId, plan.Frames, cancellationToken);
    }

    public static string DataPath(int taskId) => string.Create(CultureInfo.InvariantCulture, $"api/tasks/{taskId}/data/");

    private async Task<CvatAttachOutcome> UploadAsync(int taskId, List<CvatChosenFrame> frames, CancellationToken cancellationToken)
    {
        var options = api.Options;
        var (start, _) = await api.AnswerAsync(api.Api.StartUploadAsync(taskId, new CvatDataWrite { ImageQuality = options.ImageQuality }, cancellationToken));
        if (start.Status is HttpStatusCode.Conflict || IsAlreadyAttached(start)) return new CvatAttachOutcome(RequestOf(start), frames, []);
        api.Ensure(start);

        await PrepareAsync(frames, cancellationToken);
        var (sent, rejected) = await TransferAsync(taskId, frames, cancellationToken);
        var attached = frames.Where(sent.Contains).ToList();
        if (attached.Count == 0) return new CvatAttachOutcome(null, attached, rejected);

        var finish = new CvatDataWrite
        {
            ImageQuality = options.ImageQuality,
            SortingMethod = Predefined,
            UploadFileOrder = attached.Select(f => f.FileName).ToList(),
        };
        var (answer, _) = await api.AnswerAsync(api.Api.FinishUploadAsync(taskId, finish, cancellationToken));
        return new CvatAttachOutcome(RequestOf(answer), attached, rejected);
    }

    /// <summary>
    /// Downloads frames (several at once) while uploading finished ones in batches. Frames are fetched in pool order
    /// (task, frame): CVAT prepares a chunk on its first request (429 + Retry-After) and serves its neighbours from
    /// cache, and the other downloads go on meanwhile. upload_file_order restores the rank order afterwards.
    /// </summary>
    private async Task<(HashSet<CvatChosenFrame> Sent, List<RejectedItem> Rejected)> TransferAsync(int taskId, List<CvatChosenFrame> frames,
        CancellationToken cancellationToken)
    {
        var options = api.Options;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<(CvatChosenFrame Frame, byte[]? Bytes, string? Error)>(options.UploadBatchFiles);
        var producer = DownloadAsync(frames.OrderBy(f => f.Id.TaskId).ThenBy(f => f.Id.Frame), channel.Writer, stop.Token);
        var sent = new HashSet<CvatChosenFrame>();
        var rejected = new List<RejectedItem>();
        var batch = new List<(CvatChosenFrame Frame, byte[] Bytes)>();
        long bytes = 0;
        try
        {
            await foreach (var (frame, data, error) in channel.Reader.ReadAllAsync(stop.Token))
            {
                if (data is null)
                {
                    rejected.Add(new RejectedItem(frame.Id.ToString(), $"its image could not be read from the pool: {error}"));
                    continue;
                }
                if (batch.Count > 0 && (batch.Count >= options.UploadBatchFiles || bytes + data.Length > options.UploadBatchBytes))
                    bytes = await FlushAsync(taskId, batch, sent, stop.Token);
                batch.Add((frame, data));
                bytes += data.Length;
            }
            if (batch.Count > 0) await FlushAsync(taskId, batch, sent, stop.Token);
            await producer;
            return (sent, rejected);
        }
        catch
        {
            await stop.CancelAsync();
            try { await producer; }
            catch (Exception e) when (e is OperationCanceledException or LabelingToolException) { }
            throw;
        }
    }

    /// <summary>
    /// Requests one chosen frame of every pool task first, many at a time, so that CVAT's per-task preparation (answered
    /// 429 + Retry-After) overlaps instead of stalling the few download workers; the bytes are read again later, from cache.
    /// </summary>
    private async Task PrepareAsync(List<CvatChosenFrame> frames, CancellationToken cancellationToken)
    {
        var firsts = frames.GroupBy(f => f.Id.TaskId).Select(g => g.MinBy(f => f.Id.Frame)!).ToList();
        if (firsts.Count < 2) return;
        await Parallel.ForEachAsync(firsts, new ParallelOptions { MaxDegreeOfParallelism = PrepareConcurrency, CancellationToken = cancellationToken },
            async (frame, ct) =>
            {
                try { await source.ReadAsync(frame.Id, ct); }
                catch (ItemUnavailableException) { }
            });
    }

    private async Task DownloadAsync(IEnumerable<CvatChosenFrame> frames, ChannelWriter<(CvatChosenFrame, byte[]?, string?)> writer,
        CancellationToken cancellationToken)
    {
        try
        {
            await Parallel.ForEachAsync(frames,
                new ParallelOptions { MaxDegreeOfParallelism = api.Options.DownloadConcurrency, CancellationToken = cancellationToken },
                async (frame, ct) =>
                {
                    byte[]? bytes = null;
                    string? error = null;
                    try { bytes = await source.ReadAsync(frame.Id, ct); }
                    catch (ItemUnavailableException e) { error = e.Reason; }
                    await writer.WriteAsync((frame, bytes, error), ct);
                });
        }
        finally
        {
            writer.Complete();
        }
    }

    private async Task<long> FlushAsync(int taskId, List<(CvatChosenFrame Frame, byte[] Bytes)> batch, HashSet<CvatChosenFrame> sent,
        CancellationToken cancellationToken)
    {
        await SendFilesAsync(taskId, batch, cancellationToken);
        sent.UnionWith(batch.Select(f => f.Frame));
        batch.Clear();
        return 0;
    }

    private async Task SendFilesAsync(int taskId, List<(CvatChosenFrame Frame, byte[] Bytes)> batch, CancellationToken cancellationToken)
    {
        var answer = await PostFilesAsync(taskId, batch, cancellationToken);
        // A 5xx may mean the batch (or part of it) arrived although the answer was lost, and a resend would then meet
        // CVAT's 500 for a file name the task already holds. Which files the task holds cannot be read back before
        // Upload-Finish, so start over on a fresh task.
        if ((int)answer.Status >= 500)
            throw new CvatUploadStateException(taskId, api.Explain(answer));
        api.Ensure(answer);
    }

    private async Task<CvatAnswer> PostFilesAsync(int taskId, List<(CvatChosenFrame Frame, byte[] Bytes)> batch, CancellationToken cancellationToken)
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
        using var request = new HttpRequestMessage(HttpMethod.Post, DataPath(taskId)) { Content = form };
        request.Headers.Add("Upload-Multiple", "true");
        // Error statuses are not retried here: see SendFilesAsync.
        request.Options.Set(ConnectorRequest.NoStatusRetry, true);
        return await api.SendAsync(request, cancellationToken);
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
