namespace Elfs.Host.Runs;

/// <summary>
/// What a run does once it has committed the state named by Elfs:Diagnostics:PauseAfterState: the host (<c>elfs run</c>)
/// holds it there until shutdown; <c>elfs run-once</c> stops it there and exits.
/// </summary>
/// <param name="Stops">True: the pipeline returns <see cref="RunStatus.Paused"/>; false: it waits until cancelled.</param>
public sealed record RunPause(bool Stops)
{
    /// <summary>Hold the run at the state until cancelled (the default).</summary>
    public static RunPause Wait { get; } = new(false);

    /// <summary>Return at the state; the run resumes from it next time.</summary>
    public static RunPause Stop { get; } = new(true);
}
