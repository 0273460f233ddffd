using System.Text.Json.Serialization;

namespace Harness.Wire.Groups;

/// <summary>A group seen from a target site.</summary>
internal sealed class TargetGroupInfo : GroupInfo
{
    /// <summary>Where the group replicates from (required).</summary>
    public TargetToSourceInfo? SourceInfo { get; set; }

    /// <summary>The replication state (required).</summary>
    public string? State { get; set; }

    /// <summary>The replicas; <see cref="RecoveredTargetGroupMemberInfo"/> when FAILEDOVER or INTEST.</summary>
    public List<TargetGroupMemberInfo>? Devices { get; set; }

    /// <summary>Whether promote may be called.</summary>
    public bool? IsPromoteCapable { get; set; }

    /// <summary>Name (since 8.0.2.0).</summary>
    public string? Name { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string? CurrentState => this.State;
}
