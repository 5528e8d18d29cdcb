namespace Elfs.Engine;

/// <summary>Checks the β-search, near-duplicate and already-labeled options of <see cref="SelectionOptions"/>.</summary>
internal static class ExtendedOptionsValidation
{
    /// <exception cref="ArgumentException">Names Proxy, Images, BetaAuto, DuplicateThreshold or AlreadyLabeled and what is allowed.</exception>
    public static void Validate(SelectionOptions options, int rows)
    {
        Dynamics.Proxies.ProxyChoice.Validate(options, rows);
        if (options.BetaAuto && options.Method != SelectionMethod.Elfs)
            throw new ArgumentException($"BetaAuto is only available with method Elfs (got {options.Method})", nameof(options.BetaAuto));
        if (options.Strategy is { } strategy && (options.Method != SelectionMethod.Auto || strategy is not (Selection.BudgetAwareSelection.Typical or Selection.BudgetAwareSelection.Stratified)))
            throw new ArgumentException($"Strategy '{strategy}' needs method Auto and one of {Selection.BudgetAwareSelection.Typical}, {Selection.BudgetAwareSelection.Stratified}", nameof(options.Strategy));
        if (options.DuplicateThreshold is { } t && (double.IsNaN(t) || t <= 0 || t > 1))
            throw new ArgumentException($"DuplicateThreshold {t} is outside (0, 1]", nameof(options.DuplicateThreshold));
        if (options.AlreadyLabeled is { } labeled)
        {
            if (labeled.Count != rows)
                throw new ArgumentException($"AlreadyLabeled has {labeled.Count} entries but there are {rows} rows", nameof(options.AlreadyLabeled));
            if (options.Method is not (SelectionMethod.Elfs or SelectionMethod.Auto) && labeled.Any(l => l))
                throw new ArgumentException($"AlreadyLabeled is only honoured by methods Auto and Elfs (got {options.Method})", nameof(options.AlreadyLabeled));
        }
    }
}
