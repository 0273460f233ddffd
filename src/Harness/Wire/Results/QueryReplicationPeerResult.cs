using Harness.Wire.Faults;

namespace Harness.Wire.Results;

/// <summary>The fault domains one source fault domain replicates to; <see cref="Error"/> is set when <see cref="TargetDomain"/> is not.</summary>
internal sealed class QueryReplicationPeerResult : DataObject
{
    /// <summary>The source fault domain (required; one of the queried ids).</summary>
    public FaultDomainId? SourceDomain { get; set; }

    /// <summary>Its target fault domains.</summary>
    public List<FaultDomainId>? TargetDomain { get; set; }

    /// <summary>Why there are no targets (e.g. NotFound).</summary>
    public List<MethodFault>? Error { get; set; }

    /// <summary>Warnings.</summary>
    public List<MethodFault>? Warning { get; set; }
}
