namespace Harness.Wire.Requests;

/// <summary>The body of <c>VasaProviderSync_Task</c>.</summary>
internal sealed class VasaProviderSyncRequest
{
    /// <summary>Only this storage array; null: every array of the provider.</summary>
    public string? ArrayId { get; set; }
}
