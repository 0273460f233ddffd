using Conformance.Checks;

namespace Conformance.Run;

/// <summary>One site and state of the run plan: the allowlisted groups there, what the checks consume and read of them.</summary>
/// <param name="Site">The site (tested or peer).</param>
/// <param name="State">The replication state.</param>
/// <param name="Available">The allowlisted groups in the state when the plan read them.</param>
internal sealed record PlanLine(GroupSite Site, string State, int Available)
{
    /// <summary>How many groups the checks would consume here (what they ask, whether or not there are enough).</summary>
    public int Consumed { get; set; }

    /// <summary>How many of <see cref="Consumed"/> the plan could give (the rest are short).</summary>
    public int Given { get; set; }

    /// <summary>The most groups one reading check needs at a time (readers share: they leave the group as it was).</summary>
    public int Read { get; set; }

    /// <summary>The checks that consume here (shared scenarios counted once).</summary>
    public int Consumers { get; set; }

    /// <summary>The checks that only read here, or read a shared scenario's groups.</summary>
    public int Readers { get; set; }

    /// <summary>The checks that will be inconclusive because no group is left here for them.</summary>
    public int Short { get; set; }

    /// <summary>Whether a generated check takes every group left here.</summary>
    public bool Rest { get; set; }

    /// <summary>The most one check needs here by itself (what it consumes and reads): what a run whose checks each start afresh needs.</summary>
    public int Peak { get; set; }

    /// <summary>Whether every check starts afresh (the embedded simulator), so needs do not add up across checks.</summary>
    public bool Resets { get; set; }

    /// <summary>The groups needed: what the consumers ask plus what one reader needs at a time (with resets, what the neediest check needs).</summary>
    public int Needed => this.Resets ? this.Peak : this.Consumed + this.Read;
}
