namespace Harness.Wire.Params;

/// <summary>The parameter of <c>TestFailoverReplicationGroupStart_Task</c>: a <see cref="FailoverParam"/> sent with its own <c>_typeName</c>.</summary>
internal sealed class TestFailoverParam : FailoverParam
{
}
