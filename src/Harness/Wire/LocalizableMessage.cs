namespace Harness.Wire;

/// <summary>A message with a catalogue key, used in <c>MethodFault.faultMessage</c>.</summary>
internal sealed class LocalizableMessage : DataObject
{
    /// <summary>The message catalogue key (required).</summary>
    public string? Key { get; set; }

    /// <summary>Arguments.</summary>
    public List<KeyAnyValue>? Arg { get; set; }

    /// <summary>The message text.</summary>
    public string? Message { get; set; }
}
