namespace Elfs.Host.Cli;

/// <summary>The options of <c>elfs select</c>, as given on the command line.</summary>
/// <param name="Embeddings">Path of the .npy or .csv embeddings.</param>
/// <param name="Clusters">K.</param>
/// <param name="Fraction">Budget as a fraction (exclusive with <paramref name="Count"/>).</param>
/// <param name="Count">Budget as a count.</param>
/// <param name="Beta">Hard-prune ratio.</param>
/// <param name="Method">auto, elfs, ccs, random or prototypicality.</param>
/// <param name="Profile">paper or cpu.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Device">auto, cpu, cuda or cuda:N.</param>
/// <param name="Out">Output CSV path.</param>
/// <param name="BetaAuto">Choose β without labels (method elfs); <paramref name="Beta"/> is then ignored.</param>
/// <param name="DuplicateThreshold">Near-duplicate cosine threshold in (0, 1]; null for the engine default.</param>
/// <param name="NoDuplicateCheck">Turns the near-duplicate check off.</param>
/// <param name="Budgets">Several budgets at once, comma-separated (a fraction below 1 or a count each): scored once, one output per budget.</param>
public sealed record SelectArguments(string Embeddings, int Clusters, double? Fraction, int? Count, double Beta, string Method,
    string Profile, ulong Seed, string Device, string Out, bool BetaAuto = false, double? DuplicateThreshold = null, bool NoDuplicateCheck = false,
    string? Budgets = null);
