using Conformance.Checks;

namespace Conformance.Tests.Hostile;

/// <summary>
/// What the hostile-provider tests run: every check but the lifecycle tier's and the lifecycle model's (LIFE-MODEL-1).
/// They break the transport, the session or Reverse's answers, and judge how the harness copes; the lifecycle's checks
/// meet the same harness code and are held to the faithful simulator by the whole-suite tests.
/// </summary>
internal static class HostileScope
{
    /// <summary>The checks, in run order.</summary>
    public static IReadOnlyList<Check> Checks { get; } = Catalogue.InRunOrder
        .Where(c => !Catalogue.Lifecycle.Any(l => l.Feature == c.Feature) && c.Feature != Conformance.Lifecycle.LifecycleCatalogue.Feature)
        .ToList();
}
