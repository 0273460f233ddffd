namespace Harness.Wire;

/// <summary>A key with an anyType value.</summary>
internal sealed class KeyAnyValue : DataObject
{
    /// <summary>The key.</summary>
    public string? Key { get; set; }

    /// <summary>The boxed value.</summary>
    public DataObject? Value { get; set; }
}
