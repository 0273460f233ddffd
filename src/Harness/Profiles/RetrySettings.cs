using System.ComponentModel.DataAnnotations;

namespace Harness.Profiles;

/// <summary>
/// How the harness retries a call that failed with ProviderBusy or ProviderUnavailable (profile <c>retry</c>):
/// up to <see cref="Attempts"/> more tries, the delay doubling from <see cref="InitialDelayMilliseconds"/>, all
/// within <see cref="BudgetSeconds"/>.
/// </summary>
internal sealed record RetrySettings
{
    /// <summary>The settings used when the profile has no <c>retry</c> block.</summary>
    public static RetrySettings Default { get; } = new();

    /// <summary>How many times a call is retried after the first try. <value>Default: 3; range 0..20 (0: never retry).</value></summary>
    [Range(0, 20)]
    public int Attempts { get; init; } = 3;

    /// <summary>The delay before the first retry, in milliseconds. <value>Default: 500; range 1..60000.</value></summary>
    [Range(1, 60000)]
    public int InitialDelayMilliseconds { get; init; } = 500;

    /// <summary>The most time all retries of one call may take, in seconds. <value>Default: 30; range 1..3600.</value></summary>
    [Range(1, 3600)]
    public int BudgetSeconds { get; init; } = 30;

    /// <summary><see cref="InitialDelayMilliseconds"/> as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan InitialDelay => TimeSpan.FromMilliseconds(this.InitialDelayMilliseconds);

    /// <summary><see cref="BudgetSeconds"/> as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan Budget => TimeSpan.FromSeconds(this.BudgetSeconds);
}
