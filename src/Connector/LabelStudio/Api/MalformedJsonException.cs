namespace Elfs.Connector.LabelStudio.Api;

/// <summary>A response body was not the JSON the endpoint documents.</summary>
internal sealed class MalformedJsonException(string message, Exception inner) : Exception(message, inner);
