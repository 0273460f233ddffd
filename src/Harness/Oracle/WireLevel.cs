namespace Harness.Oracle;

/// <summary>How much a <see cref="WireRule"/> binds.</summary>
internal enum WireLevel
{
    /// <summary>A violation of the declared shape.</summary>
    Must,

    /// <summary>A departure a client must tolerate, reported as a warning.</summary>
    Should,

    /// <summary>An accepted reading of an unconfirmed point, reported so the reader knows which one was seen.</summary>
    Note,
}
