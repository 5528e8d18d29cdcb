using System.Globalization;
using Elfs.Engine;

namespace Elfs.Benchmarks.Engine;

/// <summary>Parses <c>--profile NAME</c> and <c>--set Property=value</c> overrides into an <see cref="ElfsProfile"/>.</summary>
internal static class ProfileArguments
{
    public static ElfsProfile Parse(string[] args, string defaultProfile = "cpu")
    {
        var profile = ElfsProfile.FromName(Value(args, "--profile") ?? defaultProfile);
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] != "--set") continue;
            var (name, text) = (args[i + 1].Split('=')[0], args[i + 1].Split('=')[1]);
            var property = typeof(ElfsProfile).GetProperty(name) ?? throw new ArgumentException($"--set: ElfsProfile has no property '{name}'");
            profile = profile with { };
            property.SetValue(profile, Convert.ChangeType(text, property.PropertyType, CultureInfo.InvariantCulture));
        }
        return profile;
    }

    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static double Double(string[] args, string name, double fallback) =>
        Value(args, name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static string Describe(ElfsProfile p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Name}: knn={p.KnnNeighbours} heads={p.Heads} temi_epochs={p.TemiEpochs} batch={p.TemiBatch} hidden={p.HiddenDim} bottleneck={p.BottleneckDim} lr={p.TemiLearningRate} warmup={p.TemiWarmupEpochs} proxy_epochs={p.ProxyEpochs} proxy_hidden={p.ProxyHiddenDim}");
}
