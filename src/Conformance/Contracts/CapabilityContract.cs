using Conformance.Checks;

namespace Conformance.Contracts;

/// <summary>The profile's declared capabilities for an operation, cross-checked against QueryProviderInfo. Both checks run whatever the profile declares.</summary>
internal sealed class CapabilityContract
{
    private readonly OperationUnderTest op;

    /// <summary>Builds the contract's checks for <paramref name="op"/>.</summary>
    public CapabilityContract(OperationUnderTest op)
    {
        this.op = op;
        this.ReplicationProfile = new("The_provider_reports_the_Replication_profile", op.Clauses.ReplicationProfile, op.Name, this.ReportsReplicationProfile) { Ungated = true };
        this.BatchLimit = new("The_declared_batch_limit_matches_maxBatchSize", op.Clauses.BatchLimitDeclared, op.Name, this.DeclaredBatchLimitMatches) { Ungated = true };
    }

    /// <summary>A replication-capable provider lists Replication in supportedProviderProfile.</summary>
    public Check ReplicationProfile { get; }

    /// <summary>The batch limit the profile declares matches QueryProviderInfo.maxBatchSize.</summary>
    public Check BatchLimit { get; }

    /// <summary>Every check of the contract.</summary>
    public IReadOnlyList<Check> Checks => [this.ReplicationProfile, this.BatchLimit];

    private Task ReportsReplicationProfile(CheckScope s)
    {
        ProviderCalls.RequireProviderInfo(s);
        var info = s.Target.Info;
        s.Require(info is not null, "QueryProviderInfo did not return a VasaProviderInfo, so its profiles cannot be read");
        s.Step("Expect supportedProviderProfile to contain Replication", () =>
        {
            var profiles = info!.SupportedProviderProfile ?? [];
            s.Expect(profiles.Contains("Replication"), Defect.Capability, $"QueryProviderInfo.supportedProviderProfile to contain Replication, as the provider is tested for {this.op.Name}", $"[{string.Join(", ", profiles)}], without Replication", s.Target.InfoCall);
            s.Note($"supportedProviderProfile: {string.Join(", ", profiles)}");
        });
        return Task.CompletedTask;
    }

    private Task DeclaredBatchLimitMatches(CheckScope s)
    {
        var name = this.op.Name;
        ProviderCalls.RequireProviderInfo(s);
        var declared = s.Target.CapabilityOf(name).BatchLimit;
        var reported = s.Target.Info?.MaxBatchSize is > 0 ? s.Target.Info.MaxBatchSize : null;
        if (declared is null && reported is null)
        {
            s.NotExercised($"nothing to compare: neither the profile (capabilities.{name}.batchLimit) nor QueryProviderInfo.maxBatchSize states a batch limit");
        }

        s.Step("Compare the declared batch limit with maxBatchSize", () =>
        {
            if (declared is null)
            {
                s.Note($"WARNING: the provider reports maxBatchSize {reported}, but the profile declares no batch limit; declare capabilities.{name}.batchLimit = {reported}");
                return;
            }

            s.Expect(reported == declared, Defect.Capability, $"QueryProviderInfo.maxBatchSize to be {declared}, the batch limit the profile declares", $"maxBatchSize {(reported?.ToString() ?? "not reported")}", s.Target.InfoCall);
        });
        return Task.CompletedTask;
    }
}
