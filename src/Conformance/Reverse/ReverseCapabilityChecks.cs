using Conformance.Checks;

namespace Conformance.Reverse;

/// <summary>The profile's declared capabilities, cross-checked against QueryProviderInfo.</summary>
internal static class ReverseCapabilityChecks
{
    /// <summary>A replication-capable provider lists Replication in supportedProviderProfile.</summary>
    public static Task ReportsReplicationProfile(CheckScope s)
    {
        ProviderCalls.RequireProviderInfo(s);
        var info = s.Target.Info;
        s.Require(info is not null, "QueryProviderInfo did not return a VasaProviderInfo, so its profiles cannot be read");
        s.Step("Expect supportedProviderProfile to contain Replication", () =>
        {
            var profiles = info!.SupportedProviderProfile ?? [];
            s.Expect(profiles.Contains("Replication"), Defect.Capability, "QueryProviderInfo.supportedProviderProfile to contain Replication, as the provider is tested for ReverseReplicateGroup_Task", $"[{string.Join(", ", profiles)}], without Replication", s.Target.InfoCall);
            s.Note($"supportedProviderProfile: {string.Join(", ", profiles)}");
        });
        return Task.CompletedTask;
    }

    /// <summary>The batch limit the profile declares matches QueryProviderInfo.maxBatchSize.</summary>
    public static Task DeclaredBatchLimitMatches(CheckScope s)
    {
        ProviderCalls.RequireProviderInfo(s);
        var declared = s.Target.CapabilityOf(ReverseCatalogue.Feature).BatchLimit;
        var reported = s.Target.Info?.MaxBatchSize is > 0 ? s.Target.Info.MaxBatchSize : null;
        if (declared is null && reported is null)
        {
            s.NotExercised("nothing to compare: neither the profile (capabilities.ReverseReplicateGroup_Task.batchLimit) nor QueryProviderInfo.maxBatchSize states a batch limit");
        }

        s.Step("Compare the declared batch limit with maxBatchSize", () =>
        {
            if (declared is null)
            {
                s.Note($"WARNING: the provider reports maxBatchSize {reported}, but the profile declares no batch limit; declare capabilities.ReverseReplicateGroup_Task.batchLimit = {reported}");
                return;
            }

            s.Expect(reported == declared, Defect.Capability, $"QueryProviderInfo.maxBatchSize to be {declared}, the batch limit the profile declares", $"maxBatchSize {(reported?.ToString() ?? "not reported")}", s.Target.InfoCall);
        });
        return Task.CompletedTask;
    }
}
