namespace Elfs.Engine.Encoders;

/// <summary>
/// An encoder setting is missing or wrong. <see cref="Setting"/> names it as the host's configuration spells it
/// (<c>EncoderMean</c>, <c>EncoderInputSize</c>, …), so the host can prefix the project's key.
/// </summary>
public sealed class EncoderSettingException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="setting"/>.</summary>
    public EncoderSettingException(string setting, string message)
        : base($"{setting}: {message}")
    {
        Setting = setting;
        Reason = message;
    }

    /// <summary>The setting's name: <c>EncoderPath</c>, <c>EncoderInputSize</c>, <c>EncoderMean</c>, <c>EncoderStd</c>, <c>EncoderChannelOrder</c> or <c>EncoderOutput</c>.</summary>
    public string Setting { get; }

    /// <summary>What is wrong and what is allowed, without the setting's name.</summary>
    public string Reason { get; }
}
