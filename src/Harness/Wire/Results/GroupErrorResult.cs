using Harness.Wire.Faults;

namespace Harness.Wire.Results;

/// <summary>A per-group failure; <see cref="Error"/> must hold at least one fault.</summary>
internal sealed class GroupErrorResult : GroupOperationResult
{
    /// <summary>The faults (required, at least one).</summary>
    public List<MethodFault>? Error { get; set; }
}
