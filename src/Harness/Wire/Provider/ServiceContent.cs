namespace Harness.Wire.Provider;

/// <summary>The parts of vim <c>ServiceContent</c> the harness reads.</summary>
internal sealed class ServiceContent : DataObject
{
    /// <summary>The SessionManager used to log in.</summary>
    public ManagedObjectReference? SessionManager { get; set; }

    /// <summary>About the vCenter (kept raw).</summary>
    public System.Text.Json.JsonElement? About { get; set; }
}
