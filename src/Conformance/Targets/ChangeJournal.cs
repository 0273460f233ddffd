using System.Collections.Concurrent;
using Harness.Wire;

namespace Conformance.Targets;

/// <summary>Every state-changing call the suite made, with its groups and outcome, in order.</summary>
internal sealed class ChangeJournal
{
    private readonly ConcurrentQueue<JournalEntry> entries = new();

    /// <summary>The entries so far.</summary>
    public IReadOnlyList<JournalEntry> Entries => this.entries.ToList();

    /// <summary>Adds an entry.</summary>
    public void Add(string operation, IReadOnlyList<ReplicationGroupId>? groups, string outcome) =>
        this.entries.Enqueue(new JournalEntry(DateTimeOffset.UtcNow, operation, groups?.Select(g => g.Key).ToList() ?? [], outcome));
}
