namespace Harness.Oracle;

/// <summary>A VMODL enum: its WSDL name and its legal values.</summary>
/// <param name="Name">The VMODL name, e.g. <c>sms.storage.replication.ReplicationState</c>.</param>
/// <param name="Wsdl">The WSDL name, e.g. <c>ReplicationReplicationState</c>.</param>
/// <param name="Values">The legal values, exactly as sent.</param>
internal sealed record VmodlEnum(string Name, string Wsdl, IReadOnlyList<string> Values);
