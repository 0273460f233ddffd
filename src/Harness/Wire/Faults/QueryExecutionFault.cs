namespace Harness.Wire.Faults;

/// <summary>A query failed.</summary>
internal sealed class QueryExecutionFault : MethodFault
{
}
