using System.Collections.Concurrent;

namespace Conformance.Targets;

/// <summary>Runs each shared scenario once per target, however many checks read it.</summary>
internal sealed class ScenarioCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> entries = new(StringComparer.Ordinal);

    /// <summary>The scenario's record, running it on first use.</summary>
    public async Task<T> GetOrRunAsync<T>(string key, Func<Task<T>> run)
        where T : class =>
        (T)await this.entries.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await run().ConfigureAwait(false))).Value.ConfigureAwait(false);
}
