using Conformance.Checks;
using Harness.Oracle;

namespace Conformance.Fidelity;

/// <summary>
/// Wire fidelity: every answer of the run, judged against VMware's own type definitions (the oracle,
/// <see cref="TypeCatalogue"/>) for the run's release. The checks make no call of their own: they read the run's
/// exchange ledger, after every other check has finished.
/// </summary>
internal static class FidelityCatalogue
{
    /// <summary>The feature these clauses belong to.</summary>
    public const string Feature = "WireFidelity";

    private const string Oracle = "VMware's type definitions (pyvmomi 8.0.3.0.1 _typeinfo_{core,vim,sms}.py, src/Harness/Oracle/vmodl-types.json)";

    public static readonly Clause KnownTypes = new("WIRE-1", ClauseLevel.Must, "Every _typeName in an answer names a type VMware's definitions know, and that type is the declared type of its slot or a subtype of it; a value in an anyType slot carries a _typeName.", Oracle + "; reference §1.3") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions name every type and its slots; a value of an unknown type or one that does not fit its slot cannot be read as the contract says" };
    public static readonly Clause RequiredProperties = new("WIRE-2", ClauseLevel.Must, "Every property the type declares as required (for the run's release) is present and not null, in every object of every answer.", Oracle) { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions mark these properties required (optional = false) for the release" };
    public static readonly Clause EnumValues = new("WIRE-3", ClauseLevel.Must, "Enum values are legal: every enum-typed field, and the string fields documented as enums (SmsTaskInfo.state, SourceGroupInfo/TargetGroupInfo.state, FailoverSuccessResult.newState, StorageAlarm.status and alarmType), holds one of its enum's values.", Oracle + "; reference §4.2, §5.3") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions (and documentation, for the string fields) list each enum's values" };
    public static readonly Clause JsonTypes = new("WIRE-4", ClauseLevel.Must, "Every value has the JSON type of its declaration: strings, integers within their range, booleans, ISO-8601 date-times, arrays where arrays are declared, objects, and MoRefs with a type and a value.", Oracle + "; reference §1.4, §1.7") { Basis = LevelBasis.VmwareTypes, Why = "VMware's type definitions give every property its type; VMware documents the JSON form of each (dates as ISO-8601, longs as numbers)" };
    public static readonly Clause KnownProperties = new("WIRE-5", ClauseLevel.Should, "Answers use only the properties and types of the run's release: a property no ancestor declares, or one that appeared in a later release, is kept by the client and reported.", Oracle + " (per-release 'since')") { Basis = LevelBasis.Robustness, Why = "a property the release does not declare breaks no reader that ignores unknown fields, as VMware's clients do; reporting it is robustness" };
    public static readonly Clause TypeNamesPresent = new("WIRE-6", ClauseLevel.Should, "Every object in an answer carries its _typeName (an object without one is read as its slot's declared type).", "reference §1.3, §8 (wire pitfall 1)") { Basis = LevelBasis.Inferred, Why = "VMware's examples show _typeName on every object, but a missing one is only required where a subtype fills the slot; elsewhere the rule is inferred" };

    /// <summary>Every clause, in report order.</summary>
    public static readonly IReadOnlyList<Clause> Clauses = [KnownTypes, RequiredProperties, EnumValues, JsonTypes, KnownProperties, TypeNamesPresent];

    /// <summary>Every check: one per clause, each over the whole run's answers.</summary>
    public static readonly IReadOnlyList<Check> Checks =
    [
        new("Every_typeName_in_an_answer_is_a_known_type_that_fits_its_slot", KnownTypes, Feature, s => FidelityChecks.JudgeAsync(s, WireRule.UnknownType, WireRule.NotASubtype, WireRule.UntypedValue)) { Ungated = true, Stage = RunStage.WireLedger },
        new("Every_required_property_in_an_answer_is_present", RequiredProperties, Feature, s => FidelityChecks.JudgeAsync(s, WireRule.MissingRequired)) { Ungated = true, Stage = RunStage.WireLedger },
        new("Every_enum_value_in_an_answer_is_legal", EnumValues, Feature, s => FidelityChecks.JudgeAsync(s, WireRule.IllegalEnumValue)) { Ungated = true, Stage = RunStage.WireLedger },
        new("Every_value_in_an_answer_has_its_declared_JSON_type", JsonTypes, Feature, s => FidelityChecks.JudgeAsync(s, WireRule.WrongJsonType)) { Ungated = true, Stage = RunStage.WireLedger },
        new("Answers_carry_no_property_or_type_unknown_to_the_release", KnownProperties, Feature, s => FidelityChecks.JudgeAsync(s, WireRule.UnknownProperty, WireRule.NewerThanRelease)) { Ungated = true, Stage = RunStage.WireLedger },
        new("Every_object_in_an_answer_carries_its_typeName", TypeNamesPresent, Feature, s => FidelityChecks.JudgeAsync(s, WireRule.MissingTypeName)) { Ungated = true, Stage = RunStage.WireLedger },
    ];
}
