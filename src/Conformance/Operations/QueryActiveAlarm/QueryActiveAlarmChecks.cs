using Conformance.Checks;
using Conformance.Operations.ReadOnlyTier;
using Harness.Client;
using Harness.Wire.Alarms;

namespace Conformance.Operations.QueryActiveAlarm;

/// <summary>The bodies of the QueryActiveAlarm checks; each only reads.</summary>
internal static class QueryActiveAlarmChecks
{
    /// <summary>The most pages the suite reads before it calls the paging endless.</summary>
    public const int MaxPages = 1000;

    /// <summary>QAA-1.</summary>
    public static async Task NoGreenAlarm(CheckScope s)
    {
        var (alarms, pages, _) = await ReadAllAsync(s, null).ConfigureAwait(false);
        s.Step("Expect no Green alarm", () =>
        {
            var green = alarms.Where(a => a.Alarm.Status == AlarmStatus.Green).ToList();
            s.Expect(green.Count == 0, Defect.Result, "only Red and Yellow alarms", $"Green alarm(s) {string.Join(", ", green.Select(g => g.Alarm.AlarmId))}", green.FirstOrDefault().Call);
            s.Note($"{alarms.Count} alarm(s) over {pages} page(s)");
        });
    }

    /// <summary>QAA-2: <see cref="ReadAllAsync"/> fails on a repeated marker or an endless loop.</summary>
    public static async Task PagingEnds(CheckScope s)
    {
        var (alarms, pages, _) = await ReadAllAsync(s, null).ConfigureAwait(false);
        s.Note($"paging ended after {pages} page(s), {alarms.Count} alarm(s)");
    }

    /// <summary>QAA-3.</summary>
    public static async Task StatusFilterHonoured(CheckScope s)
    {
        var (alarms, _, _) = await ReadAllAsync(s, AlarmStatus.Red).ConfigureAwait(false);
        s.Step("Expect only Red alarms", () =>
        {
            var other = alarms.Where(a => a.Alarm.Status != AlarmStatus.Red).ToList();
            s.Expect(other.Count == 0, Defect.Result, "only Red alarms, as alarmStatus is Red", $"{string.Join(", ", other.Select(a => $"{a.Alarm.AlarmId} {a.Alarm.Status}"))}", other.FirstOrDefault().Call);
        });
    }

    /// <summary>Reads every page, following pageMarker; fails on a repeated marker or more than <see cref="MaxPages"/> pages.</summary>
    private static async Task<(List<(StorageAlarm Alarm, ProviderCall Call)> Alarms, int Pages, ProviderCall? Last)> ReadAllAsync(CheckScope s, string? status)
    {
        var alarms = new List<(StorageAlarm, ProviderCall)>();
        var markers = new HashSet<string>(StringComparer.Ordinal);
        string? marker = null;
        ProviderCall? last = null;
        for (var page = 1; ; page++)
        {
            var filter = status is null && marker is null ? null : new AlarmFilter { AlarmStatus = status, PageMarker = marker };
            var r = await s.StepAsync($"Call QueryActiveAlarm{(status is null ? string.Empty : $" for {status} alarms")}, page {page}", async () =>
            {
                var answer = await ProviderCalls.CallAsync(s, QueryActiveAlarmCatalogue.Feature, () => s.Client.QueryActiveAlarmAsync(s.Target.Provider, filter)).ConfigureAwait(false);
                ReadOnlyReads.ExpectValue(s, answer, "an AlarmResult");
                return answer;
            }).ConfigureAwait(false);
            last = r.Call;
            alarms.AddRange((r.Value?.StorageAlarm ?? []).Select(a => (a, r.Call)));
            marker = r.Value?.PageMarker;
            if (marker is null)
            {
                return (alarms, page, last);
            }

            s.Expect(markers.Add(marker), Defect.Result, "each page's pageMarker new, and unset on the last page", $"pageMarker '{marker}' repeated on page {page}", r.Call);
            s.Expect(page < MaxPages, Defect.Result, $"the last page (pageMarker unset) within {MaxPages} pages", $"still a pageMarker after {page} pages", r.Call);
        }
    }
}
