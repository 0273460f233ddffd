using Harness.Client;

namespace Harness.Oracle;

/// <summary>One problem the oracle found in one exchange.</summary>
/// <param name="Side">The request, a probe, or the answer.</param>
/// <param name="Call">The exchange (redacted), to attach as evidence.</param>
/// <param name="Problem">What is wrong, and where.</param>
internal sealed record WireFinding(WireSide Side, ProviderCall Call, WireProblem Problem);
