namespace Elfs.Host.Runs;

/// <summary>Progress of a run's stage, for progress bars and logs.</summary>
/// <param name="Stage">sync, embed, select:&lt;engine stage&gt;, push, report.</param>
/// <param name="Step">Steps done.</param>
/// <param name="Total">Steps in all; 0 when unknown.</param>
/// <param name="Detail">A short note (e.g. a loss value).</param>
public sealed record PipelineProgress(string Stage, int Step, int Total, string? Detail = null);
