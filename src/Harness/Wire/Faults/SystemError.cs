namespace Harness.Wire.Faults;

/// <summary>An internal error.</summary>
internal sealed class SystemError : RuntimeFault
{
    /// <summary>Why.</summary>
    public string? Reason { get; set; }
}
