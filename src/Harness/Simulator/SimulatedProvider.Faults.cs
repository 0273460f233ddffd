using System.Globalization;
using System.Text.Json;
using Harness.Wire;
using Harness.Wire.Faults;
using Harness.Wire.Groups;
using Harness.Wire.Serialization;

namespace Harness.Simulator;

/// <summary>Faults: the whole-call fault response, what every fault carries, and injected faults.</summary>
internal sealed partial class SimulatedProvider
{
    private static readonly JsonElement CauseText = JsonSerializer.SerializeToElement("x");
    private readonly int[] injectionCounts;

    private static void ValidateFaults(IReadOnlyList<SimulatedFault> faults)
    {
        foreach (var fault in faults)
        {
            if (!SimulatedFault.Operations.Contains(fault.Operation, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Cannot inject into '{fault.Operation}'; use one of {string.Join(", ", SimulatedFault.Operations)}.", nameof(faults));
            }

            if (!SimulatedFault.FaultNames.Contains(fault.Fault, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Cannot inject '{fault.Fault}'; use one of {string.Join(", ", SimulatedFault.FaultNames)}.", nameof(faults));
            }

            if (fault.Route == FaultRoute.Task && !SimulatedFault.IsTaskOperation(fault.Operation))
            {
                throw new ArgumentException($"'{fault.Operation}' returns no task, so its fault cannot take the task route.", nameof(faults));
            }

            if (fault.Times is < 1)
            {
                throw new ArgumentException($"Times must be at least 1 (or null for every call), not {fault.Times}.", nameof(faults));
            }
        }
    }

    /// <summary>Answers with the first injected fault for <paramref name="operation"/> that is not used up, and counts it.</summary>
    private bool TryInjectFault(string operation, SimulatedSite site, out SimulatedResponse response)
    {
        response = null!;
        var faults = this.Options.Faults;
        for (var i = 0; i < faults.Count; i++)
        {
            var entry = faults[i];
            if (!string.Equals(entry.Operation, operation, StringComparison.Ordinal) || (entry.Times is { } times && this.injectionCounts[i] >= times))
            {
                continue;
            }

            this.injectionCounts[i]++;
            var fault = this.CreateFault(entry.Fault);
            var message = $"Injected {entry.Fault} ({this.injectionCounts[i]} of {entry.Times?.ToString(CultureInfo.InvariantCulture) ?? "every call"}).";
            response = entry.Route == FaultRoute.Task
                ? this.StartTask([], site, this.Decorate(fault, message))
                : this.Fault(fault, message);
            return true;
        }

        return false;
    }

    /// <summary>A new fault of the given wire name, with the fields the simulator documents for it.</summary>
    private MethodFault CreateFault(string name) => name switch
    {
        "InvalidArgument" => this.InvalidGroupIdArgument(),
        "NotImplemented" => new NotImplemented(),
        "ProviderUnavailable" => new ProviderUnavailable(),
        "ProviderOutOfResource" => new ProviderOutOfResource(),
        "InactiveProvider" => this.InactiveProviderFault(),
        "TooMany" => this.TooManyFault(),
        "ProviderBusy" => new ProviderBusy(),
        "SmsReplicationFault" => new SmsReplicationFault(),
        "InvalidReplicationState" => new InvalidReplicationState { CurrentState = ReplicationState.Source, DesiredState = [ReplicationState.FailedOver] },
        "AlreadyDone" => new AlreadyDone(),
        "InvalidFunctionTarget" => new InvalidFunctionTarget(),
        "NoReplicationTarget" => new NoReplicationTarget(),
        "NoValidReplica" => new NoValidReplica(),
        "PeerNotReachable" => new PeerNotReachable(),
        "SyncOngoing" => new SyncOngoing { Task = ManagedObjectReference.Of("SmsTask", "sms-task-sync") },
        "NotSupportedByProvider" => new NotSupportedByProvider(),
        "NotFound" => new NotFound(),
        "InvalidRequest" => new InvalidRequest(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an injectable fault"),
    };

    /// <summary>InvalidArgument naming groupId (or "pitName" under <see cref="Deviation.InvalidPropertyWrong"/>).</summary>
    private InvalidArgument InvalidGroupIdArgument() =>
        new() { InvalidProperty = this.Options.Has(Deviation.InvalidPropertyWrong) ? "pitName" : "groupId" };

    /// <summary>TooMany naming the enforced limit when <see cref="SimulatedProviderOptions.TooManyReportsMaxBatchSize"/>.</summary>
    private TooMany TooManyFault()
    {
        long? reported = this.Options.TooManyMaxBatchSize is { } stated ? stated
            : !this.Options.TooManyReportsMaxBatchSize || this.Options.BatchLimit is not { } max ? null
            : this.Options.Has(Deviation.TooManyMaxBatchSizeAboveLimit) ? max + 1
            : max;
        return new TooMany { MaxBatchSize = reported };
    }

    /// <summary>InactiveProvider whose mapping names vasa-provider-2 as active for the first group's fault domain.</summary>
    private InactiveProvider InactiveProviderFault()
    {
        var first = this.Options.Groups.FirstOrDefault();
        return new InactiveProvider
        {
            Mapping =
            [
                new FaultDomainProviderMapping
                {
                    ActiveProvider = ManagedObjectReference.Of("VasaProvider", this.Options.Has(Deviation.InactiveProviderBadMapping) ? string.Empty : "vasa-provider-2"),
                    FaultDomainId = first is null ? null : [new FaultDomainId { Id = first.FaultDomainId }],
                },
            ],
        };
    }

    /// <summary>Gives a fault what every fault of this provider carries: a keyed faultMessage (and the deviations on them).</summary>
    private T Decorate<T>(T fault, string message)
        where T : MethodFault
    {
        var key = this.Options.Has(Deviation.MalformedFaultMessage) ? null : "com.vmware.sms.fault." + fault.TypeName;
        fault.FaultMessage = [new LocalizableMessage { Key = key, Message = message }];
        if (this.Options.Has(Deviation.FaultCauseNotAFault))
        {
            // No model type serialises without _typeName except the unrecognised fault: {"message":"x"}.
            fault.FaultCause = new UnrecognizedFault { Extra = new Dictionary<string, JsonElement> { ["message"] = CauseText } };
        }

        return fault;
    }

    /// <summary>A whole-call fault: HTTP 500 with the fault as JSON (or as the deviations say).</summary>
    private SimulatedResponse Fault(MethodFault fault, string message)
    {
        this.Decorate(fault, message);
        var body = WireJson.Serialize(fault);
        if (this.Options.Has(Deviation.FaultWithoutTypeName))
        {
            body = body.Replace($"\"_typeName\":\"{fault.TypeName}\",", string.Empty, StringComparison.Ordinal);
        }

        if (this.Options.Has(Deviation.FaultAsHtml))
        {
            return Html($"<h1>{fault.TypeName}</h1><p>{message}</p>");
        }

        return new SimulatedResponse(this.Options.Has(Deviation.FaultWithHttp200) ? 200 : 500, body);
    }

    private static SimulatedResponse Html(string content) => new(500, $"<html><body>{content}</body></html>", "text/html");
}
