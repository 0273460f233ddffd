using Conformance.Bench;

namespace Conformance.Tests.Lifecycle;

/// <summary>The lifecycle property is cheap enough to run many operations: the bench's figure, measured here too.</summary>
[TestFixture]
public sealed class LifecycleRateTests
{
    [Test]
    public async Task The_lifecycle_property_sends_operations_at_a_measured_rate()
    {
        var figure = await BenchRunner.LifecycleRateAsync(cases: 100);
        TestContext.Out.WriteLine(BenchRunner.Describe(figure));
        Assert.That(figure.Value, Is.GreaterThan(0), figure.Detail);
    }
}
