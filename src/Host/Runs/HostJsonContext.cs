using System.Text.Json.Serialization;
using Elfs.Connector;

namespace Elfs.Host.Runs;

/// <summary>System.Text.Json source generation for what the host stores and serves.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RunParameters))]
[JsonSerializable(typeof(RunMetrics))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(List<RejectedItem>))]
[JsonSerializable(typeof(Status.RunView))]
[JsonSerializable(typeof(List<Status.RunView>))]
[JsonSerializable(typeof(Status.HealthView))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
