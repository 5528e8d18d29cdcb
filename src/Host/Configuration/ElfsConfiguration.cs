using Microsoft.Extensions.Configuration;

namespace Elfs.Host.Configuration;

/// <summary>Loads and binds the configuration: a JSON file, then environment variables (<c>Elfs__Projects__0__Budget</c>).</summary>
public static class ElfsConfiguration
{
    /// <summary>The configuration file used when none is named: <c>appsettings.json</c> in the current folder, else next to the program.</summary>
    public static string DefaultPath()
    {
        var local = Path.GetFullPath("appsettings.json");
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "appsettings.json");
    }

    /// <summary>
    /// Builds the configuration from <paramref name="path"/> (optional file) and the environment; a file that is missing
    /// or not valid JSON throws <see cref="ConfigurationException"/> naming the file (and the line and position).
    /// </summary>
    public static IConfigurationRoot Build(string? path, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var file = Path.GetFullPath(path ?? DefaultPath());
        var builder = new ConfigurationBuilder()
            .AddJsonFile(file, optional: path is null, reloadOnChange: false)
            .AddEnvironmentVariables();
        if (overrides is not null)
            builder.AddInMemoryCollection(overrides);
        try
        {
            return builder.Build();
        }
        catch (FileNotFoundException)
        {
            throw new ConfigurationException([$"the configuration file {file} does not exist"]);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new ConfigurationException([ConfigurationFileError.Describe(file, e)]);
        }
    }

    /// <summary>
    /// Binds the <c>Elfs</c> section and validates it; <paramref name="problems"/> lists every problem (a value that
    /// cannot be converted is one too).
    /// </summary>
    public static ElfsOptions Bind(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        var options = new ElfsOptions();
        var list = RawValueCheck.Problems(configuration.GetSection(ElfsOptions.SectionName), typeof(ElfsOptions)).ToList();
        try
        {
            configuration.GetSection(ElfsOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException) when (list.Count > 0)
        {
            // The binder stops at the first value it cannot convert, which the raw check above already named in words.
        }
        catch (InvalidOperationException ex)
        {
            list.Add(ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})");
        }
        list.AddRange(ElfsOptionsValidator.Problems(options));
        problems = list;
        return options;
    }
}
