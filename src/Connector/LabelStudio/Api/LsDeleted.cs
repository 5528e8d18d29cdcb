namespace Elfs.Connector.LabelStudio.Api;

/// <summary><c>{"deleted_predictions": n}</c>.</summary>
internal sealed record LsDeleted(int DeletedPredictions);
