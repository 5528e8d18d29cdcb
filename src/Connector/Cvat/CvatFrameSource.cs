using System.Globalization;
using System.Net;
using Elfs.Connector.Cvat.Api;
using Elfs.Connector.Http;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Reads one frame's original bytes (<c>GET /api/tasks/{id}/data?type=frame&amp;quality=original</c>), bounded by
/// <c>Http:MaxImageBytes</c> and, for the body, by <c>Http:RequestTimeout</c>. A 429 while CVAT prepares the chunk is
/// retried after its Retry-After by the pipeline. Anything that keeps this one frame from being read (missing,
/// forbidden, refused, timed out after retries) is an <see cref="ItemUnavailableException"/>; the breaker stops the run
/// when the server itself is down.
/// </summary>
internal sealed class CvatFrameSource(CvatApiClient api)
{
    public async Task<byte[]> ReadAsync(CvatItemId id, CancellationToken cancellationToken)
    {
        var externalId = id.ToString();
        var http = api.Options.Http;
        var path = string.Create(CultureInfo.InvariantCulture, $"api/tasks/{id.TaskId}/data?type=frame&number={id.Frame}&quality=original");
        HttpResponseMessage? response;
        CvatAnswer? failure;
        try
        {
            (response, failure) = await api.OpenAsync(path, cancellationToken);
        }
        catch (LabelingToolException e) when (ConsecutiveFailureBreaker.IsRequestFailure(e))
        {
            throw new ItemUnavailableException(externalId, e.Message, e);
        }
        if (failure is not null)
        {
            if (failure.Status is HttpStatusCode.Unauthorized or HttpStatusCode.NotAcceptable) throw new LabelingToolException(api.Explain(failure));
            throw new ItemUnavailableException(externalId, CvatErrorText.Describe(failure.Status, failure.Body));
        }
        using (response)
        {
            using var body = await BoundedBody.ReadAsync(response!, externalId, http.MaxImageBytes, api.Keys.Key("Http:MaxImageBytes"),
                http.RequestTimeout, api.Keys.Key("Http:RequestTimeout"), CvatApiClient.PathOnly(path), cancellationToken);
            if (body.Length == 0) throw new ItemUnavailableException(externalId, "CVAT returned an empty image");
            return body.ToArray();
        }
    }
}
