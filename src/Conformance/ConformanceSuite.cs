using Conformance.Checks;

namespace Conformance;

/// <summary>
/// The suite: one NUnit case per check of every catalogue, named after the check and carrying its clause id. Cases
/// run in parallel (the run hands each one a free lane: one per identical embedded simulator; a real provider has one
/// lane, shared by checks on disjoint groups, with exclusive checks alone). The checks that judge the whole run's exchanges come last, and wait until
/// every other check has ended (NUnit starts cases in this order), so their verdict does not depend on order or lanes.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class ConformanceSuite : ConformanceFixture
{
    /// <summary>The cases, derived from the catalogues.</summary>
    public static IEnumerable<TestCaseData> Checks => Cases(Catalogue.InRunOrder);

    /// <summary>Runs one check by its key (<c>{operation}.{name}</c>).</summary>
    [TestCaseSource(nameof(Checks))]
    public Task Check(string key) => RunAsync(Catalogue.InRunOrder.Single(c => c.Key == key));
}
