namespace Conformance.Run;

/// <summary>Why a run could not start: one line naming the cause and the fix, and the exit code (2 usage or profile, 3 unreachable or login).</summary>
internal sealed record RunAbort(int ExitCode, string Message);
