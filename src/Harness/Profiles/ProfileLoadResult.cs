using System.Diagnostics.CodeAnalysis;

namespace Harness.Profiles;

/// <summary>What <see cref="ProfileLoader"/> returns: a valid <see cref="Profile"/>, or a non-empty list of <see cref="Errors"/>.</summary>
internal sealed class ProfileLoadResult
{
    private ProfileLoadResult(string sourceName, Profile? profile, IReadOnlyList<ProfileError> errors)
    {
        this.SourceName = sourceName;
        this.Profile = profile;
        this.Errors = errors;
    }

    /// <summary>The file path (or the name given to <see cref="ProfileLoader.Parse"/>) the profile came from.</summary>
    public string SourceName { get; }

    /// <summary>The valid profile; <c>null</c> when there are errors.</summary>
    public Profile? Profile { get; }

    /// <summary>Every problem found; empty exactly when <see cref="Profile"/> is set.</summary>
    public IReadOnlyList<ProfileError> Errors { get; }

    /// <summary>Whether the profile is valid.</summary>
    [MemberNotNullWhen(true, nameof(Profile))]
    public bool IsSuccess => this.Profile is not null;

    /// <summary>A valid profile.</summary>
    public static ProfileLoadResult Success(string sourceName, Profile profile) => new(sourceName, profile, []);

    /// <summary>A failed load; <paramref name="errors"/> must not be empty.</summary>
    public static ProfileLoadResult Failure(string sourceName, IReadOnlyList<ProfileError> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed load needs at least one error.", nameof(errors));
        }

        return new(sourceName, null, errors);
    }

    /// <summary>One line per error, each prefixed with the source: <c>profiles/x.json: $.name: …</c>. Empty on success.</summary>
    public string FormatErrors() => string.Join(Environment.NewLine, this.Errors.Select(e => $"{this.SourceName}: {e}"));

    /// <summary>Returns the profile name or the error count.</summary>
    public override string ToString() =>
        this.Profile is { } profile ? $"{this.SourceName}: profile '{profile.Name}'" : $"{this.SourceName}: {this.Errors.Count} error(s)";
}
