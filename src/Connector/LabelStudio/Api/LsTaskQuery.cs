namespace Elfs.Connector.LabelStudio.Api;

/// <summary>The Data Manager <c>query</c> parameter: filters and a single ordering key.</summary>
internal sealed record LsTaskQuery(LsFilters Filters, List<string> Ordering)
{
    /// <summary>Tasks whose <c>is_labeled</c> equals <paramref name="labeled"/>, by id.</summary>
    public static LsTaskQuery ByLabeled(bool labeled) =>
        new(new LsFilters("and", [new LsFilterItem("filter:tasks:is_labeled", "equal", "Boolean", labeled)]), ["tasks:id"]);
}
