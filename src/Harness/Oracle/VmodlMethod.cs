namespace Harness.Oracle;

/// <summary>A managed method as VMODL declares it.</summary>
/// <param name="Name">The WSDL method name, e.g. <c>ReverseReplicateGroup_Task</c>.</param>
/// <param name="Owner">The VMODL name of the managed type that declares it.</param>
/// <param name="Parameters">Its parameters, in order.</param>
/// <param name="Returns">What a 200 answer holds: a VMODL type, <c>void</c>, or <c>sms.Task</c> for a task method.</param>
/// <param name="TaskResult">For a <c>*_Task</c> method, what the finished task's result holds (<c>void</c> when nothing).</param>
/// <param name="Faults">The declared faults (VMODL names); runtime faults may be raised by any method besides.</param>
/// <param name="Since">The version id it appeared in.</param>
internal sealed record VmodlMethod(string Name, string Owner, IReadOnlyList<VmodlParameter> Parameters, string Returns, string TaskResult, IReadOnlyList<string> Faults, string Since);
