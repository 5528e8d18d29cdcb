namespace Elfs.Connector.LabelStudio.Api;

/// <summary>One boolean filter.</summary>
internal sealed record LsFilterItem(string Filter, string Operator, string Type, bool Value);
