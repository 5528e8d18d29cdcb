using System.Text.Json.Serialization;

namespace Elfs.Connector.LabelStudio.Api;

/// <summary>Source-generated JSON for every Label Studio body the connector reads or writes (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LsProject))]
[JsonSerializable(typeof(LsProjectPatch))]
[JsonSerializable(typeof(LsTaskPage))]
[JsonSerializable(typeof(LsTask))]
[JsonSerializable(typeof(LsTaskQuery))]
[JsonSerializable(typeof(List<LsPredictionImport>))]
[JsonSerializable(typeof(List<LsPrediction>))]
[JsonSerializable(typeof(LsImportResult))]
[JsonSerializable(typeof(LsModelVersionDelete))]
[JsonSerializable(typeof(LsDeleted))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(LsTokenRefreshRequest))]
[JsonSerializable(typeof(LsTokenRefreshResponse))]
[JsonSerializable(typeof(LsVersion))]
[JsonSerializable(typeof(LsError))]
internal sealed partial class LabelStudioJsonContext : JsonSerializerContext;
