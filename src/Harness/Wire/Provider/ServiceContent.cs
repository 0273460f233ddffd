namespace Harness.Wire.Provider;

/// <summary>vim <c>ServiceContent</c>: the parts the harness reads, and the required ones a simulator must send.</summary>
internal sealed class ServiceContent : DataObject
{
    /// <summary>The inventory root (required).</summary>
    public ManagedObjectReference? RootFolder { get; set; }

    /// <summary>The property collector (required).</summary>
    public ManagedObjectReference? PropertyCollector { get; set; }

    /// <summary>The SessionManager used to log in.</summary>
    public ManagedObjectReference? SessionManager { get; set; }

    /// <summary>About the vCenter (kept raw).</summary>
    public System.Text.Json.JsonElement? About { get; set; }
}
