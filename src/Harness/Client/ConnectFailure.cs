namespace Harness.Client;

/// <summary>Why a connection could not be made: one line that names the cause and how to fix it.</summary>
internal sealed record ConnectFailure(string Message, IReadOnlyList<ProviderCall> Calls, bool IsUsageError = false);
