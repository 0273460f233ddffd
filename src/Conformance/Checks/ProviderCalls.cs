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
/// operation under test is also written to the run's fault ledger for the fault-contract checks.
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

                    s.Fail($"[capability] {operation} answered {fault.TypeName}, but the profile {(declared.IsDeclared ? "declares it implemented" : "does not declare it unimplemented (capabilities)")}");
                    break;
                case NotImplemented or NotSupportedByProvider:
                    s.Require(false, $"{operation}, needed to read the groups' states, answered {fault.TypeName}");
                    break;
            }

            return result;
        }
    }

    /// <summary>The mapping of an InactiveProvider fault, in words.</summary>
    public static string DescribeMapping(InactiveProvider fault) =>
        fault.Mapping is not { Count: > 0 } mapping
            ? "(no mapping given)"
            : string.Join("; ", mapping.Select(m => $"{m.ActiveProvider?.Type}:{m.ActiveProvider?.Value} for {string.Join(", ", m.FaultDomainId?.Select(f => f.Id) ?? [])}"));

    private static TimeSpan Jitter(TimeSpan delay) => TimeSpan.FromTicks((long)(delay.Ticks * (0.8 + (Random.Shared.NextDouble() * 0.4))));
}
