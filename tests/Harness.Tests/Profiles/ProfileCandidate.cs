namespace Harness.Tests.Profiles;

/// <summary>A text handed to the profile loader by a property test; prints as the text itself so a failure shows it.</summary>
public sealed record ProfileCandidate(string Json)
{
    /// <summary>Returns the text.</summary>
    public override string ToString() => this.Json;
}
