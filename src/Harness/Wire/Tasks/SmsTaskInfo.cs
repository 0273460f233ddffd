using Harness.Wire.Faults;

namespace Harness.Wire.Tasks;

/// <summary>The information of an SMS task, from <c>QuerySmsTaskInfo</c>.</summary>
internal sealed class SmsTaskInfo : DataObject
{
    /// <summary>Unique task key (required).</summary>
    public string? Key { get; set; }

    /// <summary>The task itself (required).</summary>
    public ManagedObjectReference? Task { get; set; }

    /// <summary>The object the operation applies to.</summary>
    public ManagedObjectReference? Object { get; set; }

    /// <summary>Set when <see cref="State"/> is <c>error</c>.</summary>
    public MethodFault? Error { get; set; }

    /// <summary>The result, an anyType value (for replication tasks a boxed <c>ArrayOfGroupOperationResult</c>).</summary>
    public DataObject? Result { get; set; }

    /// <summary>When the task started.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>When the task finished.</summary>
    public DateTimeOffset? CompletionTime { get; set; }

    /// <summary>queued, running, success or error (required).</summary>
    public string? State { get; set; }

    /// <summary>0–100 while running; absent when not reported.</summary>
    public int? Progress { get; set; }
}
