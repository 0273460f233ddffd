namespace Harness.Wire.Devices;

/// <summary>
/// The base of every device id (a vVol, a virtual disk, a virtual machine). Abstract on the wire too: a value always
/// carries the <c>_typeName</c> of its subtype, or is kept as <see cref="UnrecognizedDeviceId"/>.
/// </summary>
internal abstract class DeviceId : DataObject
{
}
