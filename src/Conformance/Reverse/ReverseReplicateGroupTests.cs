namespace Conformance.Reverse;

/// <summary>ReverseReplicateGroup_Task: one NUnit case per check of <see cref="ReverseCatalogue"/>.</summary>
[TestFixture]
[Category("Replication")]
public sealed class ReverseReplicateGroupTests : ConformanceFixture
{
    /// <summary>The cases, derived from the catalogue.</summary>
    public static IEnumerable<TestCaseData> Checks => Cases(ReverseCatalogue.Checks);

    /// <summary>Runs one check by name.</summary>
    [TestCaseSource(nameof(Checks))]
    public Task Check(string name) => RunAsync(ReverseCatalogue.Checks.Single(c => c.Name == name));
}
