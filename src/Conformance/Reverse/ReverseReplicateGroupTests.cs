namespace Conformance.Reverse;

/// <summary>
/// ReverseReplicateGroup_Task: one NUnit case per check of <see cref="ReverseCatalogue"/>. The cases may run in
/// parallel: the run hands each one a free lane (one per identical embedded simulator; a real provider has one lane,
/// so there they run one at a time).
/// </summary>
[TestFixture]
[Category("Replication")]
[Parallelizable(ParallelScope.Children)]
public sealed class ReverseReplicateGroupTests : ConformanceFixture
{
    /// <summary>The cases, derived from the catalogue.</summary>
    public static IEnumerable<TestCaseData> Checks => Cases(ReverseCatalogue.Checks);

    /// <summary>Runs one check by name.</summary>
    [TestCaseSource(nameof(Checks))]
    public Task Check(string name) => RunAsync(ReverseCatalogue.Checks.Single(c => c.Name == name));
}
