using System.Globalization;
using System.Text.Json;
using Harness.Oracle;
using Harness.Wire.Alarms;
using Harness.Wire.Faults;

namespace Harness.Simulator;

/// <summary>
/// Active alarms: each provider holds <see cref="SimulatedProviderOptions.AlarmsPerSite"/> Red and Yellow alarms
/// (never Green), with ids increasing across the world. QueryActiveAlarm filters them and pages through them,
/// <see cref="SimulatedProviderOptions.AlarmPageSize"/> at a time: a page that is not the last carries the pageMarker
/// the next call sends back in its filter.
/// </summary>
internal sealed partial class SimulatedProvider
{
    private const string PagePrefix = "alarms-from-";

    private static readonly IReadOnlyList<string> EntityTypes = TypeCatalogue.Default.EnumByWsdl("SmsEntityType")?.Values ?? [];

    private readonly Dictionary<string, List<StorageAlarm>> alarms = new(StringComparer.Ordinal);

    /// <summary>Every active alarm of the site's provider, in id order.</summary>
    public IReadOnlyList<StorageAlarm> AlarmsAt(SimulatedSite site)
    {
        lock (this.gate)
        {
            return this.alarms.TryGetValue(site.Name, out var held) ? held.ToList() : [];
        }
    }

    private void SeedAlarms()
    {
        this.alarms.Clear();
        long id = 1000;
        foreach (var site in this.Sites)
        {
            var held = this.groups.Values.Where(g => this.Holds(site, g)).ToList();
            this.alarms[site.Name] = Enumerable.Range(1, this.Options.AlarmsPerSite).Select(i =>
            {
                var (type, objectType, objectId) = (i % 3) switch
                {
                    1 => (AlarmType.Replication, "ReplicationGroupEntity", held.Count == 0 ? site.FaultDomains[0] : held[(i / 3) % held.Count].Key),
                    2 => (AlarmType.SpaceCapacity, "StorageContainerEntity", $"sc-{site.Name}"),
                    _ => (AlarmType.Compliance, "StorageObjectEntity", $"vvol-{site.Name}-{i}"),
                };
                return new StorageAlarm
                {
                    AlarmId = ++id,
                    AlarmType = type,
                    ContainerId = $"sc-{site.Name}",
                    ObjectId = objectId,
                    ObjectType = objectType,
                    Status = i == 1 && this.Options.Has(Deviation.GreenAlarm) ? AlarmStatus.Green : i % 2 == 1 ? AlarmStatus.Red : AlarmStatus.Yellow,
                    AlarmTimeStamp = ReplicaEpoch.AddMinutes(i),
                    MessageId = "com.vmware.sms.simulator." + type,
                    ParameterList = [new NameValuePair { ParameterName = "object", ParameterValue = objectId }],
                };
            }).ToList();
        }
    }

    private SimulatedResponse QueryActiveAlarm(JsonElement root, SimulatedSite site)
    {
        var filter = root.TryGetProperty("alarmFilter", out var given) && given.ValueKind != JsonValueKind.Null ? given : default;
        if (filter.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
        {
            return this.Fault(new InvalidArgument { InvalidProperty = "alarmFilter" }, "alarmFilter must be an AlarmFilter.");
        }

        string? Text(string field) => filter.ValueKind == JsonValueKind.Object && filter.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var status = Text("alarmStatus");
        var type = Text("alarmType");
        var entityType = Text("entityType");
        var marker = Text("pageMarker");
        var entities = new HashSet<string>(StringComparer.Ordinal);
        if (filter.ValueKind == JsonValueKind.Object && filter.TryGetProperty("entityId", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            foreach (var entity in ids.EnumerateArray())
            {
                // anyType values: boxed strings, {"_typeName":"string","_value":"…"}.
                if (entity.ValueKind != JsonValueKind.Object || !entity.TryGetProperty("_value", out var value) || value.ValueKind != JsonValueKind.String)
                {
                    return this.Fault(new InvalidArgument { InvalidProperty = "alarmFilter" }, "entityId holds boxed string ids.");
                }

                entities.Add(value.GetString()!);
            }
        }

        var problem = status is not null && !AlarmStatus.All.Contains(status, StringComparer.Ordinal) ? $"alarmStatus '{status}' is not an SmsAlarmStatus."
            : type is not null && !AlarmType.All.Contains(type, StringComparer.Ordinal) ? $"alarmType '{type}' is not an AlarmType."
            : entityType is not null && !EntityTypes.Contains(entityType, StringComparer.Ordinal) ? $"entityType '{entityType}' is not an SmsEntityType."
            : entities.Count > 0 && entityType is null ? "entityId needs entityType."
            : null;
        long from = 0;
        if (problem is null && marker is not null
            && !(marker.StartsWith(PagePrefix, StringComparison.Ordinal) && long.TryParse(marker[PagePrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out from)))
        {
            problem = $"pageMarker '{marker}' was not issued by this provider.";
        }

        if (problem is not null)
        {
            return this.Fault(new InvalidArgument { InvalidProperty = "alarmFilter" }, problem);
        }

        var matching = (this.alarms.GetValueOrDefault(site.Name) ?? [])
            .Where(a => a.AlarmId >= from && (status is null || a.Status == status || this.Options.Has(Deviation.AlarmStatusFilterIgnored)) && (type is null || a.AlarmType == type))
            .Where(a => entityType is null || (a.ObjectType == entityType && (entities.Count == 0 || entities.Contains(a.ObjectId!))))
            .ToList();
        var page = matching.Take(Math.Max(1, this.Options.AlarmPageSize)).ToList();
        return Json(new AlarmResult
        {
            StorageAlarm = page.Count == 0 ? null : page,
            PageMarker = matching.Count > page.Count ? PagePrefix + matching[page.Count].AlarmId!.Value.ToString(CultureInfo.InvariantCulture)
                : this.Options.Has(Deviation.PageMarkerNeverEnds) ? PagePrefix + "0"
                : null,
        });
    }
}
