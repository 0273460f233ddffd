namespace Conformance.Targets;

/// <summary>How ProviderBusy and ProviderUnavailable are retried: a bounded number of attempts with exponential back-off, within a time budget.</summary>
/// <param name="Attempts">Retries after the first call.</param>
/// <param name="InitialDelay">The first back-off; it doubles each retry (with ±20 % jitter).</param>
/// <param name="Budget">The most time spent retrying one call.</param>
internal sealed record RetryPolicy(int Attempts, TimeSpan InitialDelay, TimeSpan Budget)
{
    /// <summary>The defaults of the profile's <c>retry</c> block.</summary>
    public static RetryPolicy Default { get; } = new(3, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
}
