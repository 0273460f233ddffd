using Harness.Replication;

namespace Harness.Tests.Replication;

[TestFixture]
public sealed class BatchPlanTests
{
    [TestCase(null, 1)]
    [TestCase(0L, 1)]
    [TestCase(-3L, 1)]
    [TestCase(4L, 4)]
    public void TooMany_maxBatchSize_absent_or_not_positive_means_one_at_a_time(long? max, int expected) =>
        Assert.That(BatchPlan.SizeFor(max), Is.EqualTo(expected));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public bool Split_keeps_every_item_once_in_order_and_respects_the_size(FsCheck.NonNegativeInt count, long? max)
    {
        var items = Enumerable.Range(0, count.Get % 500).ToList();
        var chunks = BatchPlan.Split(items, max);
        return chunks.SelectMany(c => c).SequenceEqual(items) && chunks.All(c => c.Count >= 1 && c.Count <= BatchPlan.SizeFor(max));
    }
}
