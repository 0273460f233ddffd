namespace Harness.Replication;

/// <summary>How a client re-splits a batch after <c>TooMany</c>: by its maxBatchSize, or one at a time when that is absent or not positive.</summary>
internal static class BatchPlan
{
    /// <summary>The batch size TooMany asks for.</summary>
    public static int SizeFor(long? maxBatchSize) => maxBatchSize is > 0 ? (int)Math.Min(maxBatchSize.Value, int.MaxValue) : 1;

    /// <summary>Splits <paramref name="items"/> into consecutive chunks of at most <see cref="SizeFor"/> items.</summary>
    public static IReadOnlyList<IReadOnlyList<T>> Split<T>(IReadOnlyList<T> items, long? maxBatchSize) =>
        items.Chunk(SizeFor(maxBatchSize)).Select(c => (IReadOnlyList<T>)c).ToList();
}
