namespace Harness.Simulator;

/// <summary>Hands out the transport faults in order: a call gets the first entry for its operation that is not used up, and counts it. Thread-safe.</summary>
internal sealed class TransportFaultPlan
{
    private readonly object gate = new();
    private readonly IReadOnlyList<SimulatedTransportFault> faults;
    private readonly int[] counts;

    /// <summary>Creates the plan.</summary>
    /// <exception cref="ArgumentException">An entry is invalid (<see cref="SimulatedTransportFault.Validate"/>).</exception>
    public TransportFaultPlan(IReadOnlyList<SimulatedTransportFault> faults)
    {
        SimulatedTransportFault.Validate(faults);
        this.faults = faults;
        this.counts = new int[faults.Count];
    }

    /// <summary>The entries.</summary>
    public IReadOnlyList<SimulatedTransportFault> Faults => this.faults;

    /// <summary>The index of the entry that breaks this call of <paramref name="operation"/> (counted), or -1 when none does.</summary>
    public int Take(string? operation)
    {
        if (operation is null)
        {
            return -1;
        }

        lock (this.gate)
        {
            for (var i = 0; i < this.faults.Count; i++)
            {
                var entry = this.faults[i];
                if (string.Equals(entry.Operation, operation, StringComparison.Ordinal) && (entry.Times is not { } times || this.counts[i] < times))
                {
                    this.counts[i]++;
                    return i;
                }
            }
        }

        return -1;
    }
}
