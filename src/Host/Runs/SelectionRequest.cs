namespace Elfs.Host.Runs;

/// <summary>What the select stage is asked for.</summary>
/// <param name="Clusters">Pseudo-classes K.</param>
/// <param name="Count">Items to select.</param>
/// <param name="Beta">Hard-prune ratio.</param>
/// <param name="Profile">Engine profile (cpu | paper).</param>
/// <param name="Seed">Seed of every random choice.</param>
/// <param name="Device">auto | cpu | cuda | cuda:N.</param>
/// <param name="ClusteringEpochs">TEMI epochs override (null = the profile's).</param>
/// <param name="ProxyEpochs">Proxy-training epochs override (null = the profile's).</param>
/// <param name="BetaAuto">Choose β by the engine's label-free search instead of <paramref name="Beta"/>.</param>
/// <param name="DuplicateThreshold">Near-duplicate cosine threshold; 0 = off.</param>
/// <param name="AlreadyLabeled">Per row: an already-labeled item, never selected, whose near-duplicates are not queued; null when none.</param>
public sealed record SelectionRequest(int Clusters, int Count, double Beta, string Profile, ulong Seed, string Device, int? ClusteringEpochs = null,
    int? ProxyEpochs = null, bool BetaAuto = false, double DuplicateThreshold = Elfs.Engine.Selection.NearDuplicates.DefaultThreshold, IReadOnlyList<bool>? AlreadyLabeled = null);
