namespace Elfs.Connector.LabelStudio.Api;

/// <summary>A prediction import's result: <paramref name="Created"/> on success, or the 400 detail when the whole request was refused.</summary>
internal sealed record ImportOutcome(int? Created, string? RefusedDetail);
