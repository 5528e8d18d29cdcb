using Elfs.Engine.Selection;

namespace Elfs.Engine;

/// <summary>Validated inputs of a selection run: every bad value is reported with the option or row it came from.</summary>
internal sealed record SelectionInput(int Rows, int Dim, int Hard, int Budget, Device Device)
{
    /// <summary>Checks sizes, finiteness of every row, K, the budget against β and the device.</summary>
    /// <exception cref="ArgumentException">Names the option (Clusters, Fraction, Count, Beta, Device, Profile) or the row.</exception>
    public static SelectionInput Validate(ReadOnlySpan<float> embeddings, int rows, int dim, SelectionOptions options)
    {
        if (rows < 2) throw new ArgumentException($"embeddings have {rows} row(s); at least 2 are needed", nameof(rows));
        if (dim < 1) throw new ArgumentException($"embedding dimension {dim} must be at least 1", nameof(dim));
        if (embeddings.Length != (long)rows * dim)
            throw new ArgumentException($"embeddings hold {embeddings.Length} values but rows x dim = {rows} x {dim} = {(long)rows * dim}", nameof(embeddings));
        for (var r = 0; r < rows; r++)
        {
            var row = embeddings.Slice(r * dim, dim);
            for (var c = 0; c < dim; c++)
                if (!float.IsFinite(row[c]))
                    throw new ArgumentException($"row {r} has a {(float.IsNaN(row[c]) ? "NaN" : "infinite")} value at column {c}", nameof(embeddings));
        }
        if (options.Clusters < 2 || options.Clusters > rows)
            throw new ArgumentException($"Clusters {options.Clusters} is outside [2, {rows}] (N = {rows})", nameof(options.Clusters));
        var usesBeta = options.Method is SelectionMethod.Elfs or SelectionMethod.Ccs;
        if (double.IsNaN(options.Beta) || options.Beta < 0 || options.Beta >= 1)
            throw new ArgumentException($"Beta {options.Beta} is outside [0, 1)", nameof(options.Beta));
        var (hard, budget) = BudgetCounts.Resolve(rows, usesBeta ? options.Beta : 0, options.Fraction, options.Count);
        ExtendedOptionsValidation.Validate(options, rows);
        var device = ParseDevice(options.Device);
        return new SelectionInput(rows, dim, hard, budget, device);
    }

    private static Device ParseDevice(string text)
    {
        try { return DeviceNames.Parse(text); }
        catch (ArgumentException e) { throw new ArgumentException($"Device: {e.Message}", nameof(SelectionOptions.Device), e); }
    }
}
