namespace Elfs.Connector.LabelStudio.Api;

/// <summary><c>{"created": n}</c> from a prediction import.</summary>
internal sealed record LsImportResult(int Created);
