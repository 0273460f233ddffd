using System.Globalization;

namespace Conformance.Lifecycle;

/// <summary>What the property's cases did, for its notes and the bench: operations sent, readings pinned, calls in uncharted configurations.</summary>
internal sealed class LifecycleTally
{
    /// <summary>The start of the note that counts the operations sent (read back by <see cref="OperationsIn"/>).</summary>
    public const string OperationsNote = "lifecycle operations sent: ";

    private readonly object gate = new();
    private readonly Dictionary<(string Key, string State), int> readings = [];
    private readonly Dictionary<string, int> uncharted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> successes = new(StringComparer.Ordinal);

    /// <summary>Cases run to their end or their failure.</summary>
    public int Cases { get; private set; }

    /// <summary>Lifecycle operations sent, over every case.</summary>
    public int Operations { get; private set; }

    /// <summary>Commands skipped (no group to send them to).</summary>
    public int Skipped { get; private set; }

    /// <summary>The model a case on a real provider ended with: the next case starts from its ids (the embedded simulator resets instead).</summary>
    public LifecycleModel? Last { get; set; }

    /// <summary>Counts one sent operation.</summary>
    public void Sent()
    {
        lock (this.gate)
        {
            this.Operations++;
        }
    }

    /// <summary>Counts one skipped command.</summary>
    public void Skip()
    {
        lock (this.gate)
        {
            this.Skipped++;
        }
    }

    /// <summary>Counts a call in a configuration the reference does not chart.</summary>
    public void Uncharted(string what)
    {
        lock (this.gate)
        {
            this.uncharted[what] = this.uncharted.GetValueOrDefault(what) + 1;
        }
    }

    /// <summary>Counts a success of an operation at a site (<c>Reverse@A</c>: a failback's reversal).</summary>
    public void Succeeded(string what)
    {
        lock (this.gate)
        {
            this.successes[what] = this.successes.GetValueOrDefault(what) + 1;
        }
    }

    /// <summary>The successes by operation and site, in words: <c>Failover@B 12, Reverse@B 8, …</c>.</summary>
    public string SuccessesLine()
    {
        lock (this.gate)
        {
            return "lifecycle successes by operation and site: " + (this.successes.Count == 0 ? "none" : string.Join(", ", this.successes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
        }
    }

    /// <summary>Counts a refusal by a reading of U-GROUP-ERROR (<c>Reverse: taskError</c>).</summary>
    public void Route(string route)
    {
        lock (this.gate)
        {
            this.routes[route] = this.routes.GetValueOrDefault(route) + 1;
        }
    }

    /// <summary>The routes refusals took, each with its count.</summary>
    public IReadOnlyList<(string Route, int Count)> Routes()
    {
        lock (this.gate)
        {
            return this.routes.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)).ToList();
        }
    }

    /// <summary>Counts a finished case and the readings it pinned.</summary>
    public void Finished(LifecycleModel model)
    {
        lock (this.gate)
        {
            this.Cases++;
            foreach (var (key, state) in model.Readings)
            {
                this.readings[(key, state)] = this.readings.GetValueOrDefault((key, state)) + 1;
            }
        }
    }

    /// <summary>The readings pinned, each with the number of cases that pinned it.</summary>
    public IReadOnlyList<(string Key, string State, int Cases)> Readings()
    {
        lock (this.gate)
        {
            return this.readings.OrderBy(r => r.Key.Key, StringComparer.Ordinal).ThenBy(r => r.Key.State, StringComparer.Ordinal).Select(r => (r.Key.Key, r.Key.State, r.Value)).ToList();
        }
    }

    /// <summary>The uncharted calls, each with its count.</summary>
    public IReadOnlyList<(string What, int Count)> UnchartedCalls()
    {
        lock (this.gate)
        {
            return this.uncharted.OrderByDescending(u => u.Value).ThenBy(u => u.Key, StringComparer.Ordinal).Select(u => (u.Key, u.Value)).ToList();
        }
    }

    /// <summary>The note counting the operations: <c>lifecycle operations sent: 412 in 50 case(s) …</c>.</summary>
    public string OperationsLine() => string.Create(CultureInfo.InvariantCulture, $"{OperationsNote}{this.Operations} in {this.Cases} case(s) ({this.Skipped} command(s) skipped: no group to send them to)");

    /// <summary>The operations a run of the property sent, read from its notes; null when it sent none it counted.</summary>
    public static int? OperationsIn(IEnumerable<string> notes) =>
        notes.Where(n => n.StartsWith(OperationsNote, StringComparison.Ordinal))
            .Select(n => int.TryParse(n.AsSpan(OperationsNote.Length, n.IndexOf(' ', OperationsNote.Length) - OperationsNote.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ops) ? ops : (int?)null)
            .FirstOrDefault();
}
