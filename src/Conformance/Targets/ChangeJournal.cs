using System.Text.Json;
using Harness.Security;
using Harness.Wire;

namespace Conformance.Targets;

/// <summary>
/// Every state-changing call the suite made, with its groups and outcome, in order. With a file, every entry is
/// written through at once (atomically), so an interrupted or killed run still leaves a true record. Against the
/// embedded simulator (nothing real changes) writes are coalesced to one per <see cref="Coalesce"/>, and the run's
/// end writes the rest: rewriting the whole file per entry made a run of a thousand calls quadratic.
/// </summary>
internal sealed class ChangeJournal
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly object gate = new();
    private readonly List<JournalEntry> entries = [];
    private string? path;
    private Redactor? redactor;
    private DateTimeOffset lastWrite;
    private bool pending;

    /// <summary>At most one write per this interval (zero: every entry at once, the default, for real arrays).</summary>
    public TimeSpan Coalesce { get; set; }

    /// <summary>The entries so far.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (this.gate)
            {
                return this.entries.ToList();
            }
        }
    }

    /// <summary>Writes the journal through to <paramref name="file"/> from now on (and writes what it holds already).</summary>
    public void WriteThrough(string file, Redactor secrets)
    {
        lock (this.gate)
        {
            this.path = file;
            this.redactor = secrets;
            this.Flush();
        }
    }

    /// <summary>Adds an entry.</summary>
    public void Add(string operation, IReadOnlyList<ReplicationGroupId>? groups, string outcome, string? check = null, Restore.PairSnapshot? pair = null)
    {
        lock (this.gate)
        {
            var now = DateTimeOffset.UtcNow;
            this.entries.Add(new JournalEntry(now, operation, groups?.Select(g => g.Key).ToList() ?? [], outcome, check, pair));
            this.pending = true;
            if (now - this.lastWrite >= this.Coalesce)
            {
                this.Flush();
            }
        }
    }

    /// <summary>Writes what is not written yet (at the end of the run).</summary>
    public void Complete()
    {
        lock (this.gate)
        {
            if (this.pending)
            {
                this.Flush();
            }
        }
    }

    private void Flush()
    {
        if (this.path is null)
        {
            return;
        }

        this.lastWrite = DateTimeOffset.UtcNow;
        this.pending = false;

        var temporary = this.path + ".tmp";
        File.WriteAllText(temporary, this.redactor!.Redact(JsonSerializer.Serialize(this.entries, Json)));
        File.Move(temporary, this.path, overwrite: true);
    }
}
