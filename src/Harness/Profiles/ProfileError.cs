namespace Harness.Profiles;

/// <summary>One problem found in a profile: where it is and how to fix it.</summary>
/// <param name="Path">The JSON path of the offending field, e.g. <c>$.credentials.passwordEnv</c>; <c>$</c> for the whole file.</param>
/// <param name="Message">What is wrong and how to fix it. Never contains a secret value.</param>
internal sealed record ProfileError(string Path, string Message)
{
    /// <summary>Returns <c>path: message</c>.</summary>
    public override string ToString() => $"{this.Path}: {this.Message}";
}
