namespace Harness.Wire.Devices;

/// <summary>A virtual machine by its instance UUID.</summary>
internal sealed class VirtualMachineUUID : VirtualMachineId
{
    /// <summary>The instance UUID (required).</summary>
    public string? VmInstanceUUID { get; set; }
}
