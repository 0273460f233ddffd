namespace Harness.Simulator;

/// <summary>One replication group in the simulated provider's model.</summary>
public sealed record SimulatedGroup(string FaultDomainId, string DeviceGroupId, string State)
{
    /// <summary>"faultDomain/deviceGroup".</summary>
    public string Key => $"{this.FaultDomainId}/{this.DeviceGroupId}";
}
