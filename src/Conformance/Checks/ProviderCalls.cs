using System.Globalization;
using Conformance.Targets;
using Harness.Client;
using Harness.Wire.Faults;

namespace Conformance.Checks;

/// <summary>
/// How the harness reacts to each documented fault, as the contract asks a client to, in one place:
/// ProviderBusy and ProviderUnavailable are retried with back-off within the profile's budget, then the check is
/// inconclusive; InactiveProvider (with its mapping) and ProviderOutOfResource make it inconclusive;
/// NotImplemented and NotSupportedByProvider are not applicable only where the profile declares the operation
/// unimplemented, and a failure otherwise. TooMany is left to the caller, which re-splits. Every fault from an
/// operation under test is also written to the run's fault ledger for the fault-contract checks. A supporting read
/// that the provider refuses as malformed, cuts at the size cap, leaves unanswered or answers outside the protocol
/// breaks the check (<see cref="OwnReadProblem{T}"/>): nothing that depends on it was verified.
/// </summary>
internal static class ProviderCalls
{
    /// <summary>Makes a call with the reactions above.</summary>
    /// <param name="s">The check.</param>
    /// <param name="operation">The API method, e.g. ReverseReplicateGroup_Task.</param>
    /// <param name="call">The call itself.</param>
    /// <param name="underTest">Whether this is the operation under test (its faults are ledgered; NotImplemented is a capability question) or a supporting read (NotImplemented makes the check inconclusive).</param>
    /// <param name="react">False to get the raw first answer (for checks that judge the fault itself).</param>
    public static async Task<ProviderResult<T>> CallAsync<T>(CheckScope s, string operation, Func<Task<ProviderResult<T>>> call, bool underTest = true, bool react = true)
    {
        var policy = s.Target.Retry;
        var started = DateTimeOffset.UtcNow;
        var delay = policy.InitialDelay;
        for (var retries = 0; ; retries++)
        {
            var result = await call().ConfigureAwait(false);
            if (result.Kind != OutcomeKind.Fault)
            {
                if (!underTest)
                {
                    ThrowIfOwnReadBroken(s, result);
                }

                return result;
            }

            var fault = result.Fault!;
            var transient = fault is ProviderBusy or ProviderUnavailable;
            var elapsed = DateTimeOffset.UtcNow - started;
            var retry = react && transient && retries < policy.Attempts && elapsed + delay <= policy.Budget;
            if (underTest)
            {
                s.Target.Faults.Enqueue(new FaultSighting(operation, fault, result.Call, retry ? "retried" : react ? "handled" : "judged by the check"));
            }

            if (!react)
            {
                return result;
            }

            if (retry)
            {
                s.Note($"{operation} answered {fault.TypeName}; retried after {delay.TotalMilliseconds:0} ms (retry {retries + 1} of {policy.Attempts})");
                await Task.Delay(Jitter(delay)).ConfigureAwait(false);
                delay *= 2;
                continue;
            }

            switch (fault)
            {
                case ProviderBusy or ProviderUnavailable:
                    s.Require(false, string.Create(CultureInfo.InvariantCulture, $"{operation} still answered {fault.TypeName} after {retries} retr{(retries == 1 ? "y" : "ies")} over {elapsed.TotalSeconds:0.#} s: the retry budget (retry.attempts {policy.Attempts}, retry.budgetSeconds {policy.Budget.TotalSeconds:0}) is spent"));
                    break;
                case InactiveProvider inactive:
                    s.Require(false, $"{operation} answered InactiveProvider: this provider is not the active one for these groups; active provider(s): {DescribeMapping(inactive)}. Point the profile's providerId at the active provider");
                    break;
                case ProviderOutOfResource:
                    s.Require(false, $"{operation} answered ProviderOutOfResource: the provider lacks the resources to perform the operation now; free resources and run again");
                    break;
                case NotImplemented or NotSupportedByProvider when underTest:
                    var declared = s.Target.CapabilityOf(operation);
                    if (!declared.Implemented)
                    {
                        s.NotApplicable($"the profile declares {operation} not implemented, and the provider answered {fault.TypeName}");
                    }

                    s.Fail(
                        Defect.Capability,
                        $"{operation} to be implemented, as the profile {(declared.IsDeclared ? "declares it implemented" : "does not declare it unimplemented (capabilities)")}",
                        $"{operation} answered {fault.TypeName}",
                        result.Call);
                    break;
                case NotImplemented or NotSupportedByProvider:
                    s.Require(false, $"{operation}, needed to read the groups' states, answered {fault.TypeName}");
                    break;
                default:
                    if (!underTest)
                    {
                        ThrowIfOwnReadBroken(s, result);
                    }

                    break;
            }

            return result;
        }
    }

    /// <summary>Stops the check as Broken when QueryProviderInfo, read while connecting, was refused as malformed or answered outside the protocol (the checks that need the provider's information then verified nothing).</summary>
    public static void RequireProviderInfo(CheckScope s)
    {
        if (s.Target.Info is null && s.Target.InfoAnswer is { } answer)
        {
            ThrowIfOwnReadBroken(s, answer, "while connecting");
        }
    }

    /// <summary>Stops the check as Broken when the suite's own read could not be done (<see cref="OwnReadProblem{T}"/>).</summary>
    public static void ThrowIfOwnReadBroken<T>(CheckScope s, ProviderResult<T> read, string? when = null)
    {
        if (OwnReadProblem(read, s.Target.Ledger, when) is { } problem)
        {
            s.Broken(problem);
        }
    }

    /// <summary>
    /// Why a read the suite needs (QueryReplicationGroup, QuerySmsTaskInfo, QueryProviderInfo…) was not done, naming
    /// the call and the cause: refused as malformed (InvalidRequest or InvalidArgument), cut at the size cap, no usable
    /// answer (a dropped connection, the call timeout), or an answer outside the protocol (not JSON, neither 200 nor a
    /// 500 MethodFault). Null for a value, for any other fault (the caller reacts to it), and for a JSON 200 body that
    /// does not fit the model (the WIRE checks judge that answer).
    /// </summary>
    /// <param name="read">The read's outcome.</param>
    /// <param name="ledger">The run's exchange ledger, whose validator tells whether the suite's own request was off-spec.</param>
    /// <param name="when">When the read was made, e.g. "while connecting", if not during the check.</param>
    public static string? OwnReadProblem<T>(ProviderResult<T> read, Harness.Oracle.ExchangeLedger? ledger, string? when = null)
    {
        var call = read.Call;
        var what = $"broken: the suite's own {call.Operation} read{(when is null ? string.Empty : " " + when)}";
        switch (read.Kind)
        {
            case OutcomeKind.Fault when read.Fault!.IsA("InvalidRequest") || read.Fault.IsA("InvalidArgument"):
                var ours = ledger is not null && Harness.Oracle.WireValidator.TryParseUrl(call.Url, out var managed, out var method)
                    ? ledger.Validator.Request(managed, method, call.RequestBody)
                    : null;
                return ours is { Count: > 0 }
                    ? $"{what} was refused with {read.FaultName}, and the suite's request is off-spec at {ours[0]}: a harness defect (see out/wire.json)"
                    : $"{what} was refused with {read.FaultName}: the provider refuses a request shape VMware's definitions allow (see out/wire.json)";
            case OutcomeKind.TransportError when call.OverCap:
                return $"{what} was cut at the size cap: {read.Problem}; raise maxResponseBytes in the profile (or allowlist fewer groups)";
            case OutcomeKind.TransportError when call.TimedOut:
                return $"{what} got no answer: {read.Problem}";
            case OutcomeKind.TransportError:
                return $"{what} got no usable answer: {read.Problem}";
            case OutcomeKind.ProtocolViolation when !IsJsonOk(call):
                return $"{what} was answered outside the protocol: {read.Problem}";
            default:
                return null;
        }
    }

    /// <summary>A 200 or 204 with a JSON content type: the envelope is right, whatever the body holds.</summary>
    private static bool IsJsonOk(ProviderCall call) =>
        call.Status is 200 or 204
        && call.ResponseHeaders.TryGetValue("Content-Type", out var type)
        && type.Split(';')[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The mapping of an InactiveProvider fault, in words.</summary>
    public static string DescribeMapping(InactiveProvider fault) =>
        fault.Mapping is not { Count: > 0 } mapping
            ? "(no mapping given)"
            : string.Join("; ", mapping.Select(m => $"{m.ActiveProvider?.Type}:{m.ActiveProvider?.Value} for {string.Join(", ", m.FaultDomainId?.Select(f => f.Id) ?? [])}"));

    private static TimeSpan Jitter(TimeSpan delay) => TimeSpan.FromTicks((long)(delay.Ticks * (0.8 + (Random.Shared.NextDouble() * 0.4))));
}
