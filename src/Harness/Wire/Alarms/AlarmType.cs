namespace Harness.Wire.Alarms;

/// <summary>The exact wire values of <c>AlarmType</c>.</summary>
public static class AlarmType
{
    /// <summary>Space capacity.</summary>
    public const string SpaceCapacity = "SpaceCapacityAlarm";

    /// <summary>Capability.</summary>
    public const string Capability = "CapabilityAlarm";

    /// <summary>Storage object.</summary>
    public const string StorageObject = "StorageObjectAlarm";

    /// <summary>Object.</summary>
    public const string Object = "ObjectAlarm";

    /// <summary>Compliance.</summary>
    public const string Compliance = "ComplianceAlarm";

    /// <summary>Manageability.</summary>
    public const string Manageability = "ManageabilityAlarm";

    /// <summary>Replication.</summary>
    public const string Replication = "ReplicationAlarm";

    /// <summary>Certificate.</summary>
    public const string Certificate = "CertificateAlarm";

    /// <summary>All values.</summary>
    public static readonly IReadOnlyList<string> All = [SpaceCapacity, Capability, StorageObject, Object, Compliance, Manageability, Replication, Certificate];
}
