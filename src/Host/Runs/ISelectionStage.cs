using Elfs.Host.Embedding;

namespace Elfs.Host.Runs;

/// <summary>The select stage of a run: scores every row and picks the queue.</summary>
public interface ISelectionStage
{
    /// <summary>Runs the selection on <paramref name="vectors"/>.</summary>
    SelectionOutcome Select(VectorMatrix vectors, SelectionRequest request, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken);
}
