namespace Harness.Oracle;

/// <summary>One property of a VMODL data type, as VMware's generated type tables declare it.</summary>
/// <param name="Name">The wire name, e.g. <c>groupId</c>.</param>
/// <param name="Type">A VMODL type name, a primitive (<c>string</c>, <c>long</c>, <c>vmodl.DateTime</c>, <c>anyType</c>, …), either with <c>[]</c>.</param>
/// <param name="Optional">Whether it may be absent.</param>
/// <param name="Since">The version id it appeared in (empty: always there).</param>
internal sealed record VmodlProperty(string Name, string Type, bool Optional, string Since);
