namespace Harness.Oracle;

/// <summary>One parameter of a managed method: the request body's key.</summary>
/// <param name="Name">The key, e.g. <c>groupId</c>.</param>
/// <param name="Type">Its VMODL type (with <c>[]</c> for arrays).</param>
/// <param name="Optional">Whether it may be absent.</param>
internal sealed record VmodlParameter(string Name, string Type, bool Optional);
