using System.Globalization;
using Elfs.Engine;

namespace Elfs.Host.Cli;

/// <summary>Writes <c>index,selected,rank,pseudo_label,confidence,aum,forgetting,el2n</c>, one row per input row.</summary>
public static class SelectionCsvWriter
{
    /// <summary>Writes to a temporary file then moves it over <paramref name="path"/>, so a failure leaves no partial file.</summary>
    public static void Write(string path, IReadOnlyList<ItemScore> items)
    {
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary))
        {
            writer.WriteLine("index,selected,rank,pseudo_label,confidence,aum,forgetting,el2n");
            var c = CultureInfo.InvariantCulture;
            foreach (var i in items)
                writer.WriteLine(string.Create(c,
                    $"{i.Index},{(i.Selected ? 1 : 0)},{i.Rank},{i.PseudoLabel},{Number(i.Confidence)},{Number(i.Aum)},{i.Forgetting},{Number(i.El2n)}"));
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static string Number(float value) => float.IsNaN(value) ? "" : value.ToString("G6", CultureInfo.InvariantCulture);
}
