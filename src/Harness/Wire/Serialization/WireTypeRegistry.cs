using System.Collections.Frozen;
using System.Reflection;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Harness.Wire.Serialization;

/// <summary>
/// The one place where <c>_typeName</c> polymorphism is decided: which WSDL name maps to which C# type,
/// which declared types are polymorphic slots, and what an unknown name falls back to.
/// </summary>
internal static class WireTypeRegistry
{
    /// <summary>Primitive names used in boxed anyType values.</summary>
    public static readonly FrozenSet<string> PrimitiveNames = new[]
    {
        "boolean", "byte", "short", "int", "long", "float", "double", "string", "binary", "dateTime", "anyURI",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Declared slot types that are resolved by <c>_typeName</c>, each with its fallback for unknown names.</summary>
    public static readonly FrozenDictionary<Type, Type> PolymorphicBases = new Dictionary<Type, Type>
    {
        [typeof(DataObject)] = typeof(UnrecognizedDataObject),
        [typeof(MethodFault)] = typeof(UnrecognizedFault),
        [typeof(GroupOperationResult)] = typeof(UnrecognizedGroupOperationResult),
        [typeof(GroupInfo)] = typeof(UnrecognizedGroupInfo),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Type> ByName;
    private static readonly FrozenDictionary<Type, string> ByType;

    static WireTypeRegistry()
    {
        var types = typeof(DataObject).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(DataObject)))
            .Where(t => !typeof(IUnrecognized).IsAssignableFrom(t))
            .ToList();
        ByType = types.ToFrozenDictionary(t => t, t => t.GetCustomAttribute<WireNameAttribute>()?.Name ?? t.Name);
        ByName = ByType.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
    }

    /// <summary>Every registered WSDL name.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The WSDL name of a known type, or null for unrecognised wrappers.</summary>
    public static string? NameOf(Type type) => ByType.GetValueOrDefault(type);

    /// <summary>The C# type registered for a WSDL name.</summary>
    public static Type? TypeOf(string? wireName) => wireName is null ? null : ByName.GetValueOrDefault(wireName);

    /// <summary>Whether <paramref name="type"/> is the type named <paramref name="wireName"/> or derives from it.</summary>
    public static bool IsSubtypeOf(Type type, string wireName) =>
        TypeOf(wireName) is { } ancestor && ancestor.IsAssignableFrom(type);

    /// <summary>Whether the WSDL name <paramref name="wireName"/> denotes <paramref name="ancestorName"/> or a subtype of it.</summary>
    public static bool IsSubtypeOf(string? wireName, string ancestorName) =>
        TypeOf(wireName) is { } t && IsSubtypeOf(t, ancestorName);
}
