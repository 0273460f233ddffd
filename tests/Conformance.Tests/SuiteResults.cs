using System.Collections;
using Conformance.Checks;
using Conformance.Mutants;

namespace Conformance.Tests;

/// <summary>
/// A run's results by check key (<c>{operation}.{name}</c>); looking one up by a bare name finds the one check of that
/// name, else ReverseReplicateGroup_Task's (as <see cref="MutantMatrix.Resolve"/> does), so Reverse's tests read as before.
/// </summary>
internal sealed class SuiteResults(IReadOnlyDictionary<string, CheckResult> byKey) : IReadOnlyDictionary<string, CheckResult>
{
    /// <inheritdoc />
    public CheckResult this[string key] => byKey[MutantMatrix.Resolve(key).Key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => byKey.Keys;

    /// <inheritdoc />
    public IEnumerable<CheckResult> Values => byKey.Values;

    /// <inheritdoc />
    public int Count => byKey.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => byKey.ContainsKey(key) || (TryResolve(key) is { } k && byKey.ContainsKey(k));

    /// <inheritdoc />
    public bool TryGetValue(string key, out CheckResult value)
    {
        if (byKey.TryGetValue(key, out value!))
        {
            return true;
        }

        return TryResolve(key) is { } k && byKey.TryGetValue(k, out value!);
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, CheckResult>> GetEnumerator() => byKey.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => this.GetEnumerator();

    private static string? TryResolve(string key)
    {
        try
        {
            return MutantMatrix.Resolve(key).Key;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
