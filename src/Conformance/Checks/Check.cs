namespace Conformance.Checks;

/// <summary>One executable check of a clause. Its name is the test name a vendor reads.</summary>
/// <param name="Name">A sentence, e.g. <c>Empty_groupId_is_rejected_with_InvalidArgument</c>.</param>
/// <param name="Clause">The clause it checks.</param>
/// <param name="Feature">The operation, e.g. <c>ReverseReplicateGroup_Task</c>.</param>
/// <param name="Run">The body.</param>
internal sealed record Check(string Name, Clause Clause, string Feature, Func<CheckScope, Task> Run);
