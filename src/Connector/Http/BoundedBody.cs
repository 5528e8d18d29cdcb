namespace Elfs.Connector.Http;

/// <summary>Reads a streamed answer's body (an image or frame) up to a size limit within a deadline.</summary>
internal static class BoundedBody
{
    /// <summary>
    /// The body of <paramref name="response"/> read to the end; throws <see cref="ItemUnavailableException"/> for
    /// <paramref name="externalId"/> when it is over <paramref name="limit"/> bytes (declared or read), naming
    /// <paramref name="limitSetting"/>, or when it does not arrive within <paramref name="deadline"/> (naming
    /// <paramref name="deadlineSetting"/>). Cancellation by <paramref name="cancellationToken"/> is passed through.
    /// </summary>
    public static async Task<MemoryStream> ReadAsync(HttpResponseMessage response, string externalId, long limit, string limitSetting,
        TimeSpan deadline, string deadlineSetting, string from, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > limit)
            throw new ItemUnavailableException(externalId, $"{response.Content.Headers.ContentLength} bytes, over {limitSetting} ({limit})");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        var copy = new MemoryStream();
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
            {
                if (copy.Length + read > limit)
                    throw new ItemUnavailableException(externalId, $"more than {limitSetting} ({limit}) bytes from {from}");
                copy.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ItemUnavailableException(externalId, $"the body from {from} did not arrive within {deadline} ({deadlineSetting})", e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new ItemUnavailableException(externalId, $"the body from {from} was cut off: {e.Message}", e);
        }
        copy.Position = 0;
        return copy;
    }
}
