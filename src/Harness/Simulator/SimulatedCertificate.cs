namespace Harness.Simulator;

/// <summary>Which self-signed certificate the https endpoint serves.</summary>
public enum SimulatedCertificate
{
    /// <summary>Valid now, for 127.0.0.1 and localhost.</summary>
    Valid,

    /// <summary>For 127.0.0.1 and localhost, but expired yesterday.</summary>
    Expired,

    /// <summary>Valid now, but for vcenter.invalid only (CN and SAN), not for 127.0.0.1.</summary>
    WrongHost,
}
