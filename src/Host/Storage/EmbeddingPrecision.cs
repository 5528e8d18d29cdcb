namespace Elfs.Host.Storage;

/// <summary>How <see cref="EmbeddingCache"/> stores vector elements.</summary>
public enum EmbeddingPrecision
{
    /// <summary>4 bytes per element, exact.</summary>
    Float32 = 0,
    /// <summary>2 bytes per element (IEEE half), half the disk; about 3 significant digits.</summary>
    Float16 = 1,
}
