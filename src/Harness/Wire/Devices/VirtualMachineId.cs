namespace Harness.Wire.Devices;

/// <summary>The base of the virtual machine ids (abstract on the wire).</summary>
internal abstract class VirtualMachineId : DeviceId
{
}
