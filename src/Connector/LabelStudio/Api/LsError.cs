using System.Text.Json;

namespace Elfs.Connector.LabelStudio.Api;

/// <summary>Label Studio's error body (<c>detail</c>, plus <c>validation_errors</c> on 400).</summary>
internal sealed record LsError(string? Detail, JsonElement? ValidationErrors);
