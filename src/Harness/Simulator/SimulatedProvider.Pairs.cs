using Harness.Oracle;
using Harness.Wire;
using Harness.Wire.Devices;
using Harness.Wire.Groups;
using Harness.Wire.Results;

namespace Harness.Simulator;

/// <summary>
/// How a group of a two-site pair describes itself: a SOURCE group lists its twin as its replica, any other group
/// names its twin as its source; both list the same devices (each source vVol's replica is the target's device, and a
/// FAILEDOVER or INTEST target lists what it was recovered as).
/// </summary>
internal sealed partial class SimulatedProvider
{
    /// <summary>The devices in each group of a pair.</summary>
    public const int DevicesPerGroup = 2;

    /// <summary>TargetGroupInfo.name exists since this release.</summary>
    private static readonly Version TargetNameSince = new(8, 0, 2, 0);

    private GroupOperationResult DescribePair(SimulatedGroup group)
    {
        var id = ReplicationGroupId.Of(group.FaultDomainId, group.DeviceGroupId);
        var peer = this.groups.TryGetValue(group.Peer!, out var twin) ? twin : null;
        var peerId = peer is null ? KeyToId(group.Peer!) : ReplicationGroupId.Of(peer.FaultDomainId, peer.DeviceGroupId);
        var agreement = $"simulated replication {(group.State == ReplicationState.Source ? group.FaultDomainId + " to " + peerId.FaultDomainId!.Id : peerId.FaultDomainId!.Id + " to " + group.FaultDomainId)}";
        var devices = Enumerable.Range(1, DevicesPerGroup);
        GroupInfo info = group.State == ReplicationState.Source
            ? new SourceGroupInfo
            {
                GroupId = id,
                Name = group.Name,
                State = group.State,
                Replica = [new ReplicationTargetInfo { TargetGroupId = peerId, ReplicationAgreementDescription = agreement }],
                MemberInfo = devices.Select(i => new SourceGroupMemberInfo
                {
                    DeviceId = new VVolId { Id = Device(group, i) },
                    TargetId = [new TargetDeviceId { DomainId = new FaultDomainId { Id = peerId.FaultDomainId.Id }, DeviceId = new ReplicaId { Id = Replica(peerId.DeviceGroupId!.Id!, i) } }],
                }).ToList(),
            }
            : new TargetGroupInfo
            {
                GroupId = id,
                SourceInfo = new TargetToSourceInfo
                {
                    SourceGroupId = this.Options.Has(Deviation.PeerInfoNotPointingBack) ? ReplicationGroupId.Of(peerId.FaultDomainId.Id!, peerId.DeviceGroupId!.Id + "-elsewhere") : peerId,
                    ReplicationAgreementDescription = agreement,
                },
                State = group.State,
                Devices = devices.Select(i => Member(group, peerId, i)).ToList(),
                IsPromoteCapable = this.Options.Lifecycle.PromoteCapable,
                Name = TypeCatalogue.ParseRelease(this.release) is { } release && release < TargetNameSince ? null : group.Name,
            };
        return new QueryReplicationGroupSuccessResult { GroupId = id, RgInfo = info };
    }

    /// <summary>A target group's device: recovered (with the device it became) when FAILEDOVER or INTEST.</summary>
    private static TargetGroupMemberInfo Member(SimulatedGroup group, ReplicationGroupId source, int i)
    {
        var replica = new ReplicaId { Id = Replica(group.DeviceGroupId, i) };
        var sourceDevice = new VVolId { Id = $"vvol-{source.DeviceGroupId!.Id}-{i}" };
        var datastore = ManagedObjectReference.Of("Datastore", "datastore-" + group.Site);
        return group.State is ReplicationState.FailedOver or ReplicationState.InTest
            ? new RecoveredTargetGroupMemberInfo { ReplicaId = replica, SourceId = sourceDevice, TargetDatastore = datastore, RecoveredDeviceId = new VVolId { Id = Device(group, i) } }
            : new BareTargetGroupMemberInfo { ReplicaId = replica, SourceId = sourceDevice, TargetDatastore = datastore };
    }

    private static string Device(SimulatedGroup group, int i) => $"vvol-{group.DeviceGroupId}-{i}";

    private static string Replica(string deviceGroupId, int i) => $"replica-{deviceGroupId}-{i}";

    private static ReplicationGroupId KeyToId(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return ReplicationGroupId.Of(key[..slash], key[(slash + 1)..]);
    }
}
