using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Harness.Profiles;

/// <summary>Reads the <see cref="RangeAttribute"/> declared on a property, so the documented range is the one enforced.</summary>
internal static class DeclaredRange
{
    /// <summary>The inclusive range declared on <typeparamref name="T"/>.<paramref name="property"/>.</summary>
    public static (long Min, long Max) Of<T>(string property)
    {
        var range = typeof(T).GetProperty(property)?.GetCustomAttribute<RangeAttribute>()
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} declares no [Range].");
        return (Convert.ToInt64(range.Minimum, CultureInfo.InvariantCulture), Convert.ToInt64(range.Maximum, CultureInfo.InvariantCulture));
    }
}
