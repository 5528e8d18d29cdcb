using System.Collections;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Elfs.Host.Configuration;

/// <summary>
/// Finds configuration values that cannot be converted to their option's type (e.g. <c>Beta: "a lot"</c>), which the
/// binder would otherwise silently leave at the default.
/// </summary>
public static class RawValueCheck
{
    /// <summary>One problem per value of <paramref name="section"/> that does not convert to its property's type.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The options types are referenced directly and never trimmed.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The options types are referenced directly and never trimmed.")]
    public static IEnumerable<string> Problems(IConfigurationSection section, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsList(p.PropertyType)))
        {
            var child = section.GetSection(property.Name);
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(target))
            {
                if (child.Value is { Length: > 0 } value && !Converts(value, target))
                    yield return $"{child.Path}: '{value}' is not {Describe(target)}";
            }
            else if (IsList(target))
            {
                var element = target.GetGenericArguments()[0];
                foreach (var item in child.GetChildren())
                {
                    var problems = IsScalar(element)
                        ? (item.Value is { Length: > 0 } v && !Converts(v, element) ? [$"{item.Path}: '{v}' is not {Describe(element)}"] : [])
                        : Problems(item, element);
                    foreach (var problem in problems)
                        yield return problem;
                }
            }
            else if (target.IsClass && target != typeof(string))
            {
                foreach (var problem in Problems(child, target))
                    yield return problem;
            }
        }
    }

    private static bool IsScalar(Type t) => t.IsPrimitive || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t.IsEnum;

    private static bool IsList(Type t) => t.IsGenericType && typeof(IList).IsAssignableFrom(t);

    private static bool Converts(string value, Type type)
    {
        if (type == typeof(string))
            return true;
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromString(null, CultureInfo.InvariantCulture, value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type t) =>
        t == typeof(bool) ? "true or false"
        : t == typeof(double) || t == typeof(float) ? "a number (e.g. 0.1)"
        : t == typeof(TimeSpan) ? "a time span (e.g. 00:00:30)"
        : t == typeof(ulong) ? "a whole number >= 0"
        : "a whole number";
}
