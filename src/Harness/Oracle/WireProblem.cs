namespace Harness.Oracle;

/// <summary>One way a JSON value departs from its declared type.</summary>
/// <param name="Rule">What it broke.</param>
/// <param name="Path">Where, as a JSON path from the body's root, e.g. <c>$.result._value[2].groupId</c>.</param>
/// <param name="Message">Expected versus observed, in words.</param>
internal sealed record WireProblem(WireRule Rule, string Path, string Message)
{
    /// <summary>How much it binds.</summary>
    public WireLevel Level => LevelOf(this.Rule);

    /// <summary>How much a rule binds.</summary>
    public static WireLevel LevelOf(WireRule rule) => rule switch
    {
        WireRule.UnknownProperty or WireRule.NewerThanRelease or WireRule.MissingTypeName => WireLevel.Should,
        WireRule.BareArrayInAnyType => WireLevel.Note,
        _ => WireLevel.Must,
    };

    /// <inheritdoc />
    public override string ToString() => $"{this.Path}: {this.Message}";
}
