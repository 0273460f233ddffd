namespace Harness.Simulator;

/// <summary>
/// What the simulator answers to a request whose body breaks the method's declared parameters (an unknown property,
/// a wrong JSON type, a missing required parameter, an unknown or unfitting <c>_typeName</c>), as vCenter's strict JSON
/// deserializer would. Which fault vCenter sends is unconfirmed, hence the setting.
/// </summary>
public enum RequestShapeFault
{
    /// <summary>HTTP 500 InvalidRequest (the default: the body cannot be read as the method's request type).</summary>
    InvalidRequest,

    /// <summary>HTTP 500 InvalidArgument naming the offending parameter.</summary>
    InvalidArgument,

    /// <summary>Lenient: the body reaches the provider model as sent (the simulator's behaviour before this setting).</summary>
    None,
}
