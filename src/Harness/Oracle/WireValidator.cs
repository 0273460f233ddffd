using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Harness.Oracle;

/// <summary>
/// Judges JSON values, request bodies and answers against VMware's type definitions (<see cref="TypeCatalogue"/>) for
/// one release: <c>_typeName</c> fits the declared type, properties exist, required ones are present, enum values are
/// legal, primitives have the right JSON type; arrays, boxed <c>ArrayOf…</c> values, anyType values and MoRefs are
/// followed. Never throws on any input; each problem names its JSON path.
/// </summary>
internal sealed class WireValidator
{
    /// <summary>At most this many problems are reported per value (a 10,000-entry answer with one systematic defect would otherwise flood).</summary>
    public const int MaxProblems = 50;

    private const string MoRefName = "ManagedObjectReference";

    /// <summary>Boxed primitive <c>_typeName</c>s (govmomi's JSON codec) → the VMODL primitive they hold.</summary>
    private static readonly FrozenDictionary<string, string> BoxedPrimitives = new Dictionary<string, string>
    {
        ["boolean"] = "boolean", ["byte"] = "byte", ["short"] = "short", ["int"] = "int", ["long"] = "long",
        ["float"] = "double", ["double"] = "double", ["string"] = "string", ["binary"] = "vmodl.Binary",
        ["dateTime"] = "vmodl.DateTime", ["anyURI"] = "string",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The element names of boxed primitive arrays (<c>ArrayOfString</c>, …) → the VMODL primitive.</summary>
    private static readonly FrozenDictionary<string, string> ArrayElementPrimitives = new Dictionary<string, string>
    {
        ["Boolean"] = "boolean", ["Byte"] = "byte", ["Short"] = "short", ["Int"] = "int", ["Long"] = "long",
        ["Float"] = "double", ["Double"] = "double", ["String"] = "string", ["DateTime"] = "vmodl.DateTime",
        ["AnyType"] = "anyType", ["AnyURI"] = "string", [MoRefName] = "vmodl.ManagedObject",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly TypeCatalogue catalogue;

    /// <summary>Creates a validator for a release (null: the newest the catalogue knows).</summary>
    public WireValidator(TypeCatalogue catalogue, Version? release)
    {
        this.catalogue = catalogue;
        this.Release = release;
    }

    /// <summary>The release judged against.</summary>
    public Version? Release { get; }

    /// <summary>A validator of the embedded catalogue for a run's release as the profile or the URL names it (e.g. <c>8.0.3.0</c>).</summary>
    public static WireValidator ForRelease(string? release) => new(TypeCatalogue.Default, TypeCatalogue.ParseRelease(release));

    /// <summary>Judges a value found in a slot declared as <paramref name="declared"/> (a VMODL name, <c>[]</c> for arrays).</summary>
    public IReadOnlyList<WireProblem> Value(JsonElement value, string declared, string path = "$")
    {
        var problems = new List<WireProblem>();
        this.Check(value, declared, path, null, problems);
        return problems;
    }

    /// <summary>
    /// Judges a request body against a method's parameters: names, types, required parameters. A root
    /// <c>_typeName</c> naming the method or its request type is accepted (govmomi and vim_rs send one). Null when
    /// the catalogue does not know the method.
    /// </summary>
    public IReadOnlyList<WireProblem>? Request(string managedWsdl, string method, string? body)
    {
        if (this.catalogue.Method(managedWsdl, method) is null)
        {
            return null;
        }

        JsonElement root;
        try
        {
            // No body at all is how vim_rs calls a method without parameters.
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return [new WireProblem(WireRule.WrongJsonType, "$", $"expected a JSON object of {method}'s parameters; the body is not JSON ({ex.Message})")];
        }

        return this.Request(managedWsdl, method, root);
    }

    /// <summary>Judges an already parsed request body (see <see cref="Request(string, string, string?)"/>).</summary>
    public IReadOnlyList<WireProblem>? Request(string managedWsdl, string method, JsonElement root)
    {
        if (this.catalogue.Method(managedWsdl, method) is not { } declared)
        {
            return null;
        }

        var problems = new List<WireProblem>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new WireProblem(WireRule.WrongJsonType, "$", $"expected a JSON object of {method}'s parameters; observed {Describe(root)}"));
            return problems;
        }

        var parameters = declared.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var path = "$." + property.Name;
            if (property.Name == "_typeName")
            {
                var name = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                // The WSDL request type drops a task method's _Task suffix (ReverseReplicateGroupRequestType).
                var requestType = (method.EndsWith("_Task", StringComparison.Ordinal) ? method[..^"_Task".Length] : method) + "RequestType";
                if (name != method && name != requestType && name != method + "RequestType")
                {
                    problems.Add(new WireProblem(WireRule.UnknownType, path, $"expected no root _typeName, or \"{requestType}\"; observed {Describe(property.Value)}"));
                }

                continue;
            }

            if (!parameters.TryGetValue(property.Name, out var parameter))
            {
                problems.Add(new WireProblem(WireRule.UnknownProperty, path, $"{method} has no parameter '{property.Name}' (its parameters: {(declared.Parameters.Count == 0 ? "none" : string.Join(", ", declared.Parameters.Select(p => p.Name)))})"));
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                if (!parameter.Optional)
                {
                    problems.Add(new WireProblem(WireRule.MissingRequired, path, $"{method}'s parameter '{parameter.Name}' ({parameter.Type}) is required; observed null"));
                }

                continue;
            }

            this.Check(property.Value, parameter.Type, path, null, problems);
        }

        foreach (var parameter in declared.Parameters.Where(p => !p.Optional && !root.TryGetProperty(p.Name, out _)))
        {
            problems.Add(new WireProblem(WireRule.MissingRequired, "$." + parameter.Name, $"{method}'s parameter '{parameter.Name}' ({parameter.Type}) is required; it is absent"));
        }

        return Cap(problems);
    }

    /// <summary>
    /// Judges an answer: a 200 body against the method's return type, a 500 body against MethodFault. Null when there
    /// is nothing to judge here (another status, an empty or non-JSON body, an unknown method): other clauses judge those.
    /// </summary>
    public IReadOnlyList<WireProblem>? Response(string managedWsdl, string method, int status, string? body)
    {
        string? declared = status switch
        {
            500 => "vmodl.MethodFault",
            200 when managedWsdl == "ServiceInstance" && method == "content" => "vim.ServiceInstanceContent",
            200 => this.catalogue.Method(managedWsdl, method)?.Returns,
            _ => null,
        };
        if (declared is null or "void" || string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }

        var problems = new List<WireProblem>();
        this.Check(root, declared, "$", null, problems);
        return Cap(problems);
    }

    /// <summary>The managed type and method (or property) of a vim25 URL: <c>…/sdk/vim25/{release}/[sms/]{MoType}/{moId}/{Method}</c>.</summary>
    public static bool TryParseUrl(string url, out string managedWsdl, out string method)
    {
        managedWsdl = method = string.Empty;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (parts.Length < 6 || parts[0] != "sdk" || parts[1] != "vim25")
        {
            return false;
        }

        var rest = parts.Skip(parts[3] == "sms" ? 4 : 3).ToArray();
        if (rest.Length != 3)
        {
            return false;
        }

        (managedWsdl, method) = (rest[0], rest[2]);
        return true;
    }

    private static IReadOnlyList<WireProblem> Cap(List<WireProblem> problems) => problems.Count > MaxProblems ? problems[..MaxProblems] : problems;

    private void Check(JsonElement value, string declared, string path, VmodlEnum? documentedEnum, List<WireProblem> problems)
    {
        if (problems.Count >= MaxProblems || value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (declared.EndsWith("[]", StringComparison.Ordinal))
        {
            var element = declared[..^2];
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new WireProblem(WireRule.WrongJsonType, path, $"expected a JSON array of {this.Wsdl(element)}; observed {Describe(value)}"));
                return;
            }

            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                this.Check(item, element, $"{path}[{i++}]", documentedEnum, problems);
            }

            return;
        }

        if (declared == "anyType")
        {
            this.AnyType(value, path, problems);
        }
        else if (IsPrimitive(declared))
        {
            Primitive(value, declared, path, problems);
            if (documentedEnum is not null && value.ValueKind == JsonValueKind.String)
            {
                EnumValue(value, documentedEnum, path, problems);
            }
        }
        else if (this.catalogue.Enum(declared) is { } enumType)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                problems.Add(new WireProblem(WireRule.WrongJsonType, path, $"expected a {enumType.Wsdl} string; observed {Describe(value)}"));
            }
            else
            {
                EnumValue(value, enumType, path, problems);
            }
        }
        else if (this.catalogue.IsManaged(declared))
        {
            this.MoRef(value, path, problems);
        }
        else if (this.catalogue.DataType(declared) is { } dataType)
        {
            this.Data(value, dataType, path, problems);
        }
    }

    private void Data(JsonElement value, VmodlDataType declared, string path, List<WireProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new WireProblem(WireRule.WrongJsonType, path, $"expected a {declared.Wsdl} object; observed {Describe(value)}"));
            return;
        }

        var type = declared;
        if (value.TryGetProperty("_typeName", out var typeName))
        {
            var name = typeName.ValueKind == JsonValueKind.String ? typeName.GetString()! : null;
            if (name is null)
            {
                problems.Add(new WireProblem(WireRule.WrongJsonType, path + "._typeName", $"expected a WSDL type name string; observed {Describe(typeName)}"));
                return;
            }

            if (name != declared.Wsdl)
            {
                if (this.catalogue.DataTypeByWsdl(name) is not { } actual)
                {
                    problems.Add(new WireProblem(WireRule.UnknownType, path, $"expected {declared.Wsdl} or a subtype; observed _typeName \"{name}\", which VMware's type definitions do not know"));
                    return;
                }

                if (!this.catalogue.IsSubtypeOf(actual.Name, declared.Name))
                {
                    problems.Add(new WireProblem(WireRule.NotASubtype, path, $"expected {declared.Wsdl} or a subtype; observed {name}, which is not one"));
                    return;
                }

                type = actual;
            }
        }
        else
        {
            problems.Add(new WireProblem(WireRule.MissingTypeName, path, $"expected \"_typeName\": \"{declared.Wsdl}\" (or a subtype's name); observed an object without _typeName, read as {declared.Wsdl}"));
        }

        if (!this.catalogue.AvailableIn(type.Since, this.Release))
        {
            problems.Add(new WireProblem(WireRule.NewerThanRelease, path, $"{type.Wsdl} appeared in release {this.catalogue.ReleaseOf(type.Since)}, after the run's release {this.Release}"));
        }

        var properties = this.catalogue.PropertiesOf(type.Name);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name == "_typeName")
            {
                continue;
            }

            var propertyPath = path + "." + property.Name;
            if (!properties.TryGetValue(property.Name, out var declaredProperty))
            {
                problems.Add(new WireProblem(WireRule.UnknownProperty, propertyPath, $"{type.Wsdl} has no property '{property.Name}' (nor has any ancestor); kept, and reported"));
                continue;
            }

            if (!this.catalogue.AvailableIn(declaredProperty.Since, this.Release))
            {
                problems.Add(new WireProblem(WireRule.NewerThanRelease, propertyPath, $"{type.Wsdl}.{property.Name} appeared in release {this.catalogue.ReleaseOf(declaredProperty.Since)}, after the run's release {this.Release}"));
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                if (!declaredProperty.Optional)
                {
                    problems.Add(new WireProblem(WireRule.MissingRequired, propertyPath, $"{type.Wsdl}.{property.Name} ({declaredProperty.Type}) is required; observed null"));
                }

                continue;
            }

            this.Check(property.Value, declaredProperty.Type, propertyPath, this.DocumentedEnum(type.Name, property.Name), problems);
        }

        foreach (var required in properties.Values.Where(p => !p.Optional && this.catalogue.AvailableIn(p.Since, this.Release)))
        {
            if (!value.TryGetProperty(required.Name, out _))
            {
                problems.Add(new WireProblem(WireRule.MissingRequired, path + "." + required.Name, $"{type.Wsdl}.{required.Name} ({required.Type}) is required; it is absent"));
            }
        }
    }

    private void AnyType(JsonElement value, string path, List<WireProblem> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                problems.Add(new WireProblem(WireRule.BareArrayInAnyType, path, "expected a boxed {\"_typeName\":\"ArrayOf…\",\"_value\":[…]} in this anyType slot; observed a bare JSON array (accepted: boxing here is inferred, not documented)"));
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    this.AnyType(item, $"{path}[{i++}]", problems);
                }

                return;
            case JsonValueKind.Object:
                break;
            default:
                problems.Add(new WireProblem(WireRule.UntypedValue, path, $"expected a value boxed as {{\"_typeName\":…,\"_value\":…}} in this anyType slot; observed the bare {Describe(value)}"));
                return;
        }

        if (!value.TryGetProperty("_typeName", out var typeName) || typeName.ValueKind != JsonValueKind.String)
        {
            problems.Add(new WireProblem(WireRule.UntypedValue, path, "expected an object with _typeName in this anyType slot (nothing else says what it is); observed an object without one"));
            return;
        }

        var name = typeName.GetString()!;
        if (name == MoRefName)
        {
            this.MoRef(value, path, problems);
        }
        else if (name.StartsWith("ArrayOf", StringComparison.Ordinal))
        {
            this.Boxed(value, name, this.ArrayElement(name["ArrayOf".Length..]), isArray: true, path, problems);
        }
        else if (BoxedPrimitives.TryGetValue(name, out var primitive))
        {
            this.Boxed(value, name, primitive, isArray: false, path, problems);
        }
        else if (this.catalogue.EnumByWsdl(name) is { } enumType)
        {
            this.Boxed(value, name, enumType.Name, isArray: false, path, problems);
        }
        else if (this.catalogue.DataTypeByWsdl(name) is { } dataType)
        {
            this.Data(value, dataType, path, problems);
        }
        else
        {
            problems.Add(new WireProblem(WireRule.UnknownType, path, $"expected a _typeName VMware's type definitions know; observed \"{name}\""));
        }
    }

    private void Boxed(JsonElement value, string name, string? content, bool isArray, string path, List<WireProblem> problems)
    {
        if (content is null)
        {
            problems.Add(new WireProblem(WireRule.UnknownType, path, $"expected a boxed array of a known type; observed \"{name}\", whose element type VMware's type definitions do not know"));
            return;
        }

        foreach (var property in value.EnumerateObject().Where(p => p.Name is not "_typeName" and not "_value"))
        {
            problems.Add(new WireProblem(WireRule.UnknownProperty, path + "." + property.Name, $"a boxed {name} holds only _typeName and _value; observed '{property.Name}' too"));
        }

        if (!value.TryGetProperty("_value", out var inner) || inner.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new WireProblem(WireRule.MissingRequired, path + "._value", $"a boxed {name} carries its value in _value; it is absent"));
            return;
        }

        this.Check(inner, isArray ? content + "[]" : content, path + "._value", null, problems);
    }

    private string? ArrayElement(string suffix) =>
        ArrayElementPrimitives.GetValueOrDefault(suffix)
        ?? this.catalogue.DataTypeByWsdl(suffix)?.Name
        ?? this.catalogue.EnumByWsdl(suffix)?.Name;

    private void MoRef(JsonElement value, string path, List<WireProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new WireProblem(WireRule.WrongJsonType, path, $"expected a ManagedObjectReference object {{type, value}}; observed {Describe(value)}"));
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "_typeName" when property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() != MoRefName:
                    problems.Add(new WireProblem(WireRule.NotASubtype, path + "._typeName", $"expected \"{MoRefName}\"; observed {Describe(property.Value)}"));
                    break;
                case "type" or "value" or "serverGuid" when property.Value.ValueKind is not JsonValueKind.String and not JsonValueKind.Null:
                    problems.Add(new WireProblem(WireRule.WrongJsonType, path + "." + property.Name, $"expected a string; observed {Describe(property.Value)}"));
                    break;
                case "_typeName" or "type" or "value" or "serverGuid":
                    break;
                default:
                    problems.Add(new WireProblem(WireRule.UnknownProperty, path + "." + property.Name, $"a ManagedObjectReference has type, value (and serverGuid); observed '{property.Name}' too"));
                    break;
            }
        }

        if (!value.TryGetProperty("_typeName", out _))
        {
            problems.Add(new WireProblem(WireRule.MissingTypeName, path, $"expected \"_typeName\": \"{MoRefName}\"; observed a MoRef without _typeName"));
        }

        foreach (var required in new[] { "type", "value" })
        {
            if (!value.TryGetProperty(required, out var field) || field.ValueKind == JsonValueKind.Null)
            {
                problems.Add(new WireProblem(WireRule.MissingRequired, path + "." + required, $"a ManagedObjectReference carries its {required}; it is absent"));
            }
        }
    }

    private VmodlEnum? DocumentedEnum(string typeName, string property)
    {
        for (var type = this.catalogue.DataType(typeName); type is not null; type = type.Parent is null ? null : this.catalogue.DataType(type.Parent))
        {
            if (TypeCatalogue.DocumentedEnums.TryGetValue((type.Name, property), out var enumName))
            {
                return this.catalogue.Enum(enumName);
            }
        }

        return null;
    }

    private static void EnumValue(JsonElement value, VmodlEnum enumType, string path, List<WireProblem> problems)
    {
        var text = value.GetString();
        if (text is null || !enumType.Values.Contains(text, StringComparer.Ordinal))
        {
            problems.Add(new WireProblem(WireRule.IllegalEnumValue, path, $"expected one of {enumType.Wsdl}'s values ({string.Join(", ", enumType.Values)}); observed \"{text}\""));
        }
    }

    private static bool IsPrimitive(string name) => name is "string" or "boolean" or "byte" or "short" or "int" or "long" or "float" or "double"
        or "vmodl.DateTime" or "vmodl.Binary" or "vmodl.TypeName" or "vmodl.PropertyPath" or "vmodl.MethodName";

    private static void Primitive(JsonElement value, string declared, string path, List<WireProblem> problems)
    {
        var fits = declared switch
        {
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "byte" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var b) && b is >= sbyte.MinValue and <= sbyte.MaxValue,
            "short" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var s) && s is >= short.MinValue and <= short.MaxValue,
            "int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var i) && i is >= int.MinValue and <= int.MaxValue,
            "long" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "float" or "double" => value.ValueKind == JsonValueKind.Number,
            "vmodl.DateTime" => value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
            _ => value.ValueKind == JsonValueKind.String,
        };
        if (!fits)
        {
            var expected = declared switch
            {
                "boolean" => "a JSON true or false",
                "byte" or "short" or "int" or "long" => $"a JSON integer ({declared})",
                "float" or "double" => "a JSON number",
                "vmodl.DateTime" => "an ISO-8601 date-time string",
                _ => $"a JSON string ({declared})",
            };
            problems.Add(new WireProblem(WireRule.WrongJsonType, path, $"expected {expected}; observed {Describe(value)}"));
        }
    }

    private string Wsdl(string vmodlName) =>
        this.catalogue.DataType(vmodlName)?.Wsdl ?? this.catalogue.Enum(vmodlName)?.Wsdl ?? vmodlName;

    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        var shown = raw.Length > 60 ? raw[..57] + "…" : raw;
        return value.ValueKind switch
        {
            JsonValueKind.String => $"the string {shown}",
            JsonValueKind.Number => $"the number {shown}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {shown}",
            JsonValueKind.Array => $"an array {shown}",
            JsonValueKind.Object => $"an object {shown}",
            JsonValueKind.Null => "null",
            _ => shown,
        };
    }
}
