using System.Collections.Frozen;
using System.Reflection;
using Harness.Wire.Devices;
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
        [typeof(TargetGroupMemberInfo)] = typeof(UnrecognizedTargetGroupMemberInfo),
        [typeof(DeviceId)] = typeof(UnrecognizedDeviceId),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Type> ByName;
    private static readonly FrozenDictionary<Type, string> ByType;

    /// <summary>Every model class's WSDL name, abstract bases (MethodFault, GroupInfo, GroupOperationResult) included.</summary>
    private static readonly FrozenDictionary<Type, string> Declared;

    static WireTypeRegistry()
    {
        Declared = typeof(DataObject).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsSubclassOf(typeof(DataObject)) && !typeof(IUnrecognized).IsAssignableFrom(t))
            .ToFrozenDictionary(t => t, t => t.GetCustomAttribute<WireNameAttribute>()?.Name ?? t.Name);
        ByType = Declared.Where(kv => !kv.Key.IsAbstract).ToFrozenDictionary();
        ByName = ByType.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
    }

    /// <summary>Every registered WSDL name.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The WSDL name of a known type, or null for unrecognised wrappers.</summary>
    public static string? NameOf(Type type) => ByType.GetValueOrDefault(type);

    /// <summary>The C# type registered for a WSDL name.</summary>
    public static Type? TypeOf(string? wireName) => wireName is null ? null : ByName.GetValueOrDefault(wireName);

    /// <summary>Whether <paramref name="type"/> is the type named <paramref name="wireName"/> or derives from it.</summary>
    public static bool IsSubtypeOf(Type type, string wireName)
    {
        // Walk the class chain, so that abstract bases count too (a ReverseReplicationSuccessResult is a GroupOperationResult).
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (Declared.TryGetValue(t, out var name) && name == wireName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the WSDL name <paramref name="wireName"/> denotes <paramref name="ancestorName"/> or a subtype of it.</summary>
    public static bool IsSubtypeOf(string? wireName, string ancestorName) =>
        TypeOf(wireName) is { } t && IsSubtypeOf(t, ancestorName);
}
