namespace Harness.Oracle;

/// <summary>Which half of an exchange a finding is about.</summary>
internal enum WireSide
{
    /// <summary>A request the suite built from its wire model: it must conform.</summary>
    Request,

    /// <summary>A request body crafted by hand to test input handling (<see cref="Client.ProviderCall.Probe"/>): judged, but off-spec on purpose.</summary>
    Probe,

    /// <summary>The provider's answer.</summary>
    Response,
}
