using Microsoft.Extensions.Options;

namespace Elfs.Connector.Cvat;

/// <summary>Validates <see cref="CvatOptions"/> at start-up, naming each bad key under the configured section.</summary>
/// <param name="settingPrefix">The configuration section, e.g. <c>Cvat</c>.</param>
public sealed class CvatOptionsValidator(string settingPrefix) : IValidateOptions<CvatOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CvatOptions options)
    {
        var problems = options.Validate(settingPrefix).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
