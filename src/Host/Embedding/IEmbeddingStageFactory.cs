using Elfs.Host.Configuration;

namespace Elfs.Host.Embedding;

/// <summary>Creates the embed stage a project's configuration asks for.</summary>
public interface IEmbeddingStageFactory
{
    /// <summary>The stage for <paramref name="project"/> (the caller disposes it).</summary>
    IEmbeddingStage Create(ProjectOptions project);
}
