namespace Harness.Wire.Devices;

/// <summary>A virtual machine by the path of its .vmx file.</summary>
internal sealed class VirtualMachineFilePath : VirtualMachineId
{
    /// <summary>The vCenter's UUID.</summary>
    public string? VcUuid { get; set; }

    /// <summary>The datastore URL (required).</summary>
    public string? DsUrl { get; set; }

    /// <summary>The .vmx path within the datastore (required).</summary>
    public string? VmxPath { get; set; }
}
