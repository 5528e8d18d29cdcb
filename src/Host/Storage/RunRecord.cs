namespace Elfs.Host.Storage;

/// <summary>One row of the runs table.</summary>
/// <param name="Id">The run id (also the connectors' idempotency key).</param>
/// <param name="Project">The project's name.</param>
/// <param name="State">Where the run stands.</param>
/// <param name="Trigger">What started it: schedule, catch-up, manual, demo.</param>
/// <param name="Started">When it was created.</param>
/// <param name="Updated">When its state last changed.</param>
/// <param name="Finished">When it reached Done or Failed.</param>
/// <param name="Parameters">The parameters it runs with (JSON).</param>
/// <param name="Timings">Seconds per stage (JSON), once known.</param>
/// <param name="Metrics">Counts and outcomes (JSON), once known.</param>
/// <param name="Error">Why it failed, or the last interruption.</param>
public sealed record RunRecord(
    string Id, string Project, RunState State, string Trigger, DateTimeOffset Started, DateTimeOffset Updated,
    DateTimeOffset? Finished, string Parameters, string? Timings, string? Metrics, string? Error)
{
    /// <summary>Whether the run is over (done or failed).</summary>
    public bool IsFinished => State is RunState.Done or RunState.Failed;
}
