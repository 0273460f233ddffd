using Harness.Profiles;

namespace Harness.Tests.Profiles;

/// <summary>Whatever text it is given, the loader returns a profile or errors, never both, never neither, never an exception.</summary>
[TestFixture]
public sealed class ProfileLoaderPropertyTests
{
    private static readonly ProfileLoadOptions Options = new() { KnownDeviations = new HashSet<string> { "OmitTaskResult" } };

    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(ProfileArbitraries)])]
    public bool Loader_never_throws_and_returns_profile_or_errors(ProfileCandidate candidate)
    {
        var result = ProfileLoader.Parse(candidate.Json, "generated.json", Options);
        return (result.Profile is not null) ^ (result.Errors.Count > 0);
    }

    /// <summary>The schema and the reader agree: a value the schema lets through, the reader can read (else "please report this").</summary>
    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(ProfileArbitraries)])]
    public bool Schema_and_reader_agree_on_every_generated_profile(ProfileCandidate candidate) =>
        ProfileLoader.Parse(candidate.Json, "generated.json", Options).Errors.All(e => !e.Message.Contains("please report this", StringComparison.Ordinal));

    [Test]
    public void Every_error_is_one_line()
    {
        var messages = FsCheck.Fluent.Gen.Sample(ProfileArbitraries.ProfileCandidate().Generator, 500)
            .SelectMany(c => ProfileLoader.Parse(c.Json, "generated.json", Options).Errors)
            .Select(e => e.ToString());

        Assert.That(messages.Where(m => m.Contains('\n', StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Generated_candidates_include_valid_profiles_and_rejected_ones()
    {
        var outcomes = FsCheck.Fluent.Gen.Sample(ProfileArbitraries.ProfileCandidate().Generator, 500)
            .Select(c => ProfileLoader.Parse(c.Json, "generated.json", Options).IsSuccess)
            .ToList();

        Assert.That(outcomes, Has.Some.True.And.Some.False, "the generator must reach both the success and the error paths");
    }
}
