namespace Harness.Simulator;

/// <summary>
/// What a finished TestFailoverReplicationGroupStart_Task holds (profile <c>simulator.lifecycle.testFailoverStartResult</c>).
/// VMware's types say void; govmomi's checkOnly text implies an array (reference §1, TFS-RES-1), so each is a setting.
/// </summary>
public enum TestFailoverStartResultReading
{
    /// <summary>No result, as VMware's types declare (the default; JSON <c>void</c>). A refused group fails the task.</summary>
    Void,

    /// <summary>A boxed ArrayOfGroupOperationResult: a plain GroupOperationResult per group, a GroupErrorResult per refused one (JSON <c>array</c>).</summary>
    Array,
}
