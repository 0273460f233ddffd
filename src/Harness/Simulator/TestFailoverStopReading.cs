namespace Harness.Simulator;

/// <summary>
/// What TestFailoverReplicationGroupStop_Task does with force=false (profile
/// <c>simulator.lifecycle.testFailoverStopWithoutForce</c>). govmomi says only that the provider "reports vVols to clean
/// up"; the resulting state is unconfirmed (reference §2, T3), so each plausible reading is a setting.
/// </summary>
public enum TestFailoverStopReading
{
    /// <summary>The test stops anyway: the group becomes TARGET (the default; JSON <c>target</c>).</summary>
    Target,

    /// <summary>The call is refused with NotSupportedByProvider (HTTP 500) and nothing changes (JSON <c>notSupported</c>).</summary>
    NotSupported,

    /// <summary>The task succeeds but the group stays INTEST, its test devices still bound (JSON <c>staysInTest</c>).</summary>
    StaysInTest,
}
