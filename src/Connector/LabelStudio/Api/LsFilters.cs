namespace Elfs.Connector.LabelStudio.Api;

/// <summary>A filter group.</summary>
internal sealed record LsFilters(string Conjunction, List<LsFilterItem> Items);
