namespace Harness.Wire.Faults;

/// <summary>The batch is too large; re-split by maxBatchSize (absent or not positive: one at a time).</summary>
internal sealed class TooMany : MethodFault
{
    /// <summary>The largest batch the provider accepts.</summary>
    public long? MaxBatchSize { get; set; }
}
