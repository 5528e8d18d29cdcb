using System.Text.Json.Serialization;

namespace Elfs.Connector.Cvat.Api;

/// <summary>Source-generated JSON metadata for every CVAT body the connector reads or writes (snake_case, nulls left out).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CvatPage<CvatTask>))]
[JsonSerializable(typeof(CvatPage<CvatJob>))]
[JsonSerializable(typeof(CvatPage<CvatUser>))]
[JsonSerializable(typeof(CvatPage<CvatLabel>))]
[JsonSerializable(typeof(CvatPage<CvatRequest>))]
[JsonSerializable(typeof(CvatTask))]
[JsonSerializable(typeof(CvatJob))]
[JsonSerializable(typeof(CvatDataMeta))]
[JsonSerializable(typeof(CvatRequest))]
[JsonSerializable(typeof(CvatRqId))]
[JsonSerializable(typeof(CvatTaskWrite))]
[JsonSerializable(typeof(CvatDataWrite))]
[JsonSerializable(typeof(CvatJobPatch))]
[JsonSerializable(typeof(CvatGuideWrite))]
[JsonSerializable(typeof(CvatAbout))]
[JsonSerializable(typeof(CvatProject))]
[JsonSerializable(typeof(CvatUser))]
internal sealed partial class CvatJsonContext : JsonSerializerContext;
