namespace Elfs.Connector;

/// <summary>
/// The tool cannot be used for this run (unreachable, wrong token, project missing, repeated failures). The message
/// names the setting to check and never contains a secret.
/// </summary>
public sealed class LabelingToolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LabelingToolException(string message, Exception? inner = null) : base(message, inner) { }
}
