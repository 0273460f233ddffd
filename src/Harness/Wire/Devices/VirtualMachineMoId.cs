namespace Harness.Wire.Devices;

/// <summary>A virtual machine by its moId.</summary>
internal sealed class VirtualMachineMoId : VirtualMachineId
{
    /// <summary>The vCenter's UUID.</summary>
    public string? VcUuid { get; set; }

    /// <summary>The moId (required).</summary>
    public string? VmMoid { get; set; }
}
