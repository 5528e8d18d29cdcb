namespace Elfs.Engine;

/// <summary>Progress of one stage, e.g. ("temi", epoch, epochs, "loss 1.23").</summary>
/// <param name="Stage">Stage name: knn, temi, pseudo_labels, dynamics, selection, queue, kmeans.</param>
/// <param name="Step">Steps done so far (1-based when reporting a finished step).</param>
/// <param name="Total">Steps in the stage.</param>
/// <param name="Detail">Optional human-readable detail.</param>
public sealed record StageProgress(string Stage, int Step, int Total, string? Detail);
