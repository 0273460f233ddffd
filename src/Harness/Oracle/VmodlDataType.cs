namespace Harness.Oracle;

/// <summary>A VMODL data type: its WSDL name (the wire <c>_typeName</c>), parent and own properties.</summary>
/// <param name="Name">The VMODL name, e.g. <c>sms.storage.replication.GroupErrorResult</c>.</param>
/// <param name="Wsdl">The WSDL name, e.g. <c>GroupErrorResult</c>.</param>
/// <param name="Parent">The parent's VMODL name, or null for the root.</param>
/// <param name="Since">The version id it appeared in.</param>
/// <param name="Properties">Its own properties (not the inherited ones).</param>
internal sealed record VmodlDataType(string Name, string Wsdl, string? Parent, string Since, IReadOnlyList<VmodlProperty> Properties);
