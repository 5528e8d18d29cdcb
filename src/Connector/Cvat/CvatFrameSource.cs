using System.Globalization;
using System.Net;
using Elfs.Connector.Cvat.Api;

namespace Elfs.Connector.Cvat;

/// <summary>
/// Reads one frame's original bytes (<c>GET /api/tasks/{id}/data?type=frame&amp;quality=original</c>), bounded by
/// <c>Http:MaxImageBytes</c>. A 429 while CVAT prepares the chunk is retried after its Retry-After by the shared handler.
/// </summary>
internal sealed class CvatFrameSource(CvatApiClient api)
{
    public async Task<byte[]> ReadAsync(CvatItemId id, CancellationToken cancellationToken)
    {
        var externalId = id.ToString();
        var limit = api.Options.Http.MaxImageBytes;
        var path = string.Create(CultureInfo.InvariantCulture, $"api/tasks/{id.TaskId}/data?type=frame&number={id.Frame}&quality=original");
        var (response, failure) = await api.OpenAsync(path, cancellationToken);
        if (failure is not null)
        {
            if (failure.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.Gone
                or HttpStatusCode.Conflict)
                throw new ItemUnavailableException(externalId, CvatErrorText.Describe(failure.Status, failure.Body));
            throw new LabelingToolException(api.Explain(failure));
        }
        using (response)
        {
            if (response!.Content.Headers.ContentLength > limit)
                throw new ItemUnavailableException(externalId, $"image is {response.Content.Headers.ContentLength} bytes, over Http:MaxImageBytes={limit}");
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                    throw new ItemUnavailableException(externalId, $"image is over Http:MaxImageBytes={limit} bytes");
                buffer.Write(chunk, 0, read);
            }
            if (buffer.Length == 0) throw new ItemUnavailableException(externalId, "CVAT returned an empty image");
            return buffer.ToArray();
        }
    }
}
