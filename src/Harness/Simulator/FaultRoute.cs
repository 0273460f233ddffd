namespace Harness.Simulator;

/// <summary>How an injected fault reaches the caller.</summary>
public enum FaultRoute
{
    /// <summary>The call itself fails: HTTP 500 with the fault as its body.</summary>
    Call,

    /// <summary>The call answers a task MoRef and the task ends in state error with the fault (only for <c>*_Task</c> operations).</summary>
    Task,
}
