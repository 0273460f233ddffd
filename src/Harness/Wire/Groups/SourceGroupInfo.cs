using System.Text.Json.Serialization;

namespace Harness.Wire.Groups;

/// <summary>A group seen from a site that is (or was) its source.</summary>
internal sealed class SourceGroupInfo : GroupInfo
{
    /// <summary>Name.</summary>
    public string? Name { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>The replication state (required).</summary>
    public string? State { get; set; }

    /// <summary>Replication targets.</summary>
    public List<ReplicationTargetInfo>? Replica { get; set; }

    /// <summary>The group's devices, each with its replicas.</summary>
    public List<SourceGroupMemberInfo>? MemberInfo { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string? CurrentState => this.State;
}
