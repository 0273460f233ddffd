namespace Harness.Wire.Tasks;

/// <summary>The exact wire values of <c>SmsTaskState</c>.</summary>
internal static class SmsTaskState
{
    /// <summary>Not started.</summary>
    public const string Queued = "queued";

    /// <summary>In progress.</summary>
    public const string Running = "running";

    /// <summary>Finished successfully.</summary>
    public const string Success = "success";

    /// <summary>Failed (or cancelled).</summary>
    public const string Error = "error";

    /// <summary>Whether the state is terminal.</summary>
    public static bool IsTerminal(string? state) => state is Success or Error;
}
