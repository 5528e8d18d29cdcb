using System.Text.Json.Serialization;

namespace Elfs.Connector.LocalFolder;

/// <summary>System.Text.Json source generation for queue.json.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(QueueDocument))]
internal sealed partial class LocalFolderJsonContext : JsonSerializerContext;
