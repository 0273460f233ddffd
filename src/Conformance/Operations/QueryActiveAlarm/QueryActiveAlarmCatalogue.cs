using Conformance.Checks;

namespace Conformance.Operations.QueryActiveAlarm;

/// <summary>The clauses of VasaProvider.QueryActiveAlarm and the checks that enforce them; every check only reads.</summary>
internal static class QueryActiveAlarmCatalogue
{
    /// <summary>The operation.</summary>
    public const string Feature = "QueryActiveAlarm";

    private const string Doc = "reference sms-json-api.md §3.3 (QueryActiveAlarm) [doc]";

    public static readonly Clause NoGreen = new("QAA-1", ClauseLevel.Must, "Only Red and Yellow alarms are returned, never Green.", Doc) { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents that QueryActiveAlarm returns only Red and Yellow alarms, never Green" };
    public static readonly Clause Paging = new("QAA-2", ClauseLevel.Must, "Paging ends: each page's pageMarker leads to the next, no marker repeats, and the last page leaves pageMarker unset (within 1000 pages).", Doc + ", AlarmResult.pageMarker") { Basis = LevelBasis.VmwareDocumentation, Why = "VMware documents that the provider leaves pageMarker unset on the last page" };
    public static readonly Clause StatusFilter = new("QAA-3", ClauseLevel.Should, "A filter on alarmStatus returns only alarms of that status.", Doc + ", AlarmFilter.alarmStatus") { Basis = LevelBasis.Inferred, Why = "VMware documents alarmStatus as a field of AlarmFilter; that the provider applies it is inferred" };

    /// <summary>Every clause, in report order.</summary>
    public static readonly IReadOnlyList<Clause> Clauses = [NoGreen, Paging, StatusFilter];

    /// <summary>Every check.</summary>
    public static readonly IReadOnlyList<Check> Checks =
    [
        new("QueryActiveAlarm_never_returns_a_Green_alarm", NoGreen, Feature, QueryActiveAlarmChecks.NoGreenAlarm),
        new("QueryActiveAlarm_paging_ends_without_repeating_a_pageMarker", Paging, Feature, QueryActiveAlarmChecks.PagingEnds),
        new("QueryActiveAlarm_filtered_on_Red_returns_only_Red_alarms", StatusFilter, Feature, QueryActiveAlarmChecks.StatusFilterHonoured),
    ];
}
