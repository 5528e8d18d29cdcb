namespace Elfs.Connector.Http;

/// <summary>Timeouts, retries and limits shared by the HTTP connectors.</summary>
public sealed class ConnectorHttpOptions
{
    /// <summary>
    /// Connections a connector opens to its server at most (the primary handler's <c>MaxConnectionsPerServer</c>); also
    /// the number of image reads a run keeps in flight (<see cref="ILabelingTool.ReadConcurrency"/>).
    /// </summary>
    public const int ConnectionsPerServer = 8;

    /// <summary>Time allowed for one request attempt. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt on 5xx, 408, 429, timeouts and connection failures. Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First backoff delay; doubles per retry, with jitter. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts, including a server's Retry-After. Default 60 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Consecutive failed requests (after their retries) that stop the run. Default 10.</summary>
    public int CircuitBreakAfter { get; set; } = 10;

    /// <summary>Largest image accepted from the tool, in bytes. Default 50 MB.</summary>
    public long MaxImageBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Problems with these settings, each naming the key (under <paramref name="prefix"/>) and what is allowed.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (RequestTimeout <= TimeSpan.Zero) yield return $"{prefix}:RequestTimeout: {RequestTimeout} must be positive";
        if (MaxRetries is < 0 or > 20) yield return $"{prefix}:MaxRetries: {MaxRetries} is not in 0..20";
        if (BaseDelay < TimeSpan.Zero) yield return $"{prefix}:BaseDelay: {BaseDelay} must not be negative";
        if (MaxDelay < BaseDelay) yield return $"{prefix}:MaxDelay: {MaxDelay} must be at least BaseDelay ({BaseDelay})";
        if (CircuitBreakAfter < 1) yield return $"{prefix}:CircuitBreakAfter: {CircuitBreakAfter} must be at least 1";
        if (MaxImageBytes < 1) yield return $"{prefix}:MaxImageBytes: {MaxImageBytes} must be positive";
    }
}
