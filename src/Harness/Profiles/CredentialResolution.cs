using System.Diagnostics.CodeAnalysis;

namespace Harness.Profiles;

/// <summary>The outcome of <see cref="CredentialSource.Resolve"/>: the credentials, or one message saying what is missing and how to set it.</summary>
internal sealed class CredentialResolution
{
    private CredentialResolution(ResolvedCredentials? credentials, string? error)
    {
        this.Credentials = credentials;
        this.Error = error;
    }

    /// <summary>The credentials; <c>null</c> when <see cref="Error"/> is set.</summary>
    public ResolvedCredentials? Credentials { get; }

    /// <summary>What is missing and how to set it; <c>null</c> on success. Never contains a secret.</summary>
    public string? Error { get; }

    /// <summary>Whether the credentials were found.</summary>
    [MemberNotNullWhen(true, nameof(Credentials))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsResolved => this.Credentials is not null;

    /// <summary>A successful resolution.</summary>
    public static CredentialResolution Success(ResolvedCredentials credentials) => new(credentials, null);

    /// <summary>A failed resolution.</summary>
    public static CredentialResolution Failure(string error) => new(null, error);

    /// <summary>Returns the (masked) credentials or the error.</summary>
    public override string ToString() => this.Credentials?.ToString() ?? $"unresolved: {this.Error}";
}
