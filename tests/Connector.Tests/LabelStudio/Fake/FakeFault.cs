namespace Elfs.Connector.Tests.LabelStudio.Fake;

/// <summary>
/// A fault to inject: the next <paramref name="Times"/> requests whose method and path start match get
/// <paramref name="Status"/> (with Retry-After when set: delay seconds, or an HTTP-date that far ahead when RetryAfterAsDate), or wait <paramref name="Delay"/> first, or (Malformed)
/// a 200 with a truncated JSON body; the first <paramref name="Skip"/> matching requests pass untouched. AfterHandling: the request is processed, then its answer is
/// replaced by <paramref name="Status"/> (a gateway losing the answer to work that was done). CommitLate: the request is
/// processed after <paramref name="Delay"/> even when the client has given up meanwhile (a server that keeps working).
/// </summary>
public sealed record FakeFault(string Method, string PathStart, int Times, int Status = 500, TimeSpan? RetryAfter = null,
    TimeSpan? Delay = null, bool Malformed = false, int Skip = 0, bool AfterHandling = false, bool CommitLate = false,
    bool RetryAfterAsDate = false)
{
    public int Remaining { get; set; } = Times;
    public int ToSkip { get; set; } = Skip;
}
