namespace Conformance.Lifecycle;

/// <summary>How a sent command fared, as the model applies it.</summary>
internal enum LifecycleOutcome
{
    /// <summary>A success result (or a void task's success): the transition happened.</summary>
    Succeeded,

    /// <summary>A success carrying an AlreadyDone warning: nothing changed.</summary>
    AlreadyDone,

    /// <summary>Refused (a GroupErrorResult, a task error or a whole-call fault): nothing changed.</summary>
    Refused,
}
