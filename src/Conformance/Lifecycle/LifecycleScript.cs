namespace Conformance.Lifecycle;

/// <summary>
/// A lifecycle sequence as a readable script: the commands sent, in order, and where it went wrong, e.g.
/// <c>TestFailoverStart(B: rg-tgt-1-b) → Promote(B: rg-tgt-1-b) → QueryReplicationGroup(A: rg-tgt-1-a) expected TARGET, got SOURCE</c>.
/// Groups are named as the pairs were discovered, with a prime per reversal (<c>rg-fo-1-b′</c>), so a script reads the
/// same whatever ids the provider makes up, and a replay with the same seed prints the same script.
/// </summary>
internal sealed class LifecycleScript
{
    /// <summary>The arrow between steps.</summary>
    public const string Arrow = " → ";

    private readonly List<string> steps = [];

    /// <summary>Whether <see cref="Failure"/> is about the last command's answer (it then names the command, replacing it).</summary>
    private bool failedAnswer;

    /// <summary>The commands sent so far.</summary>
    public int Count => this.steps.Count;

    /// <summary>Where it went wrong, when it did: the last step of <see cref="ToString"/>.</summary>
    public string? Failure { get; private set; }

    /// <summary>One command in a script: <c>Promote(B: rg-tgt-1-b)</c>.</summary>
    public static string Command(LifecycleCommand c, string alias) => $"{c.Short}({LifecycleCommand.Label(c.Site)}: {alias})";

    /// <summary>A sequence before it runs, its groups named as the model starts (the runner prints the script of the run instead when it has one).</summary>
    public static string Describe(IReadOnlyList<LifecycleCommand> commands, LifecycleModel start) =>
        commands.Count == 0 ? "(no command)" : string.Join(Arrow, commands.Select(c => Command(c, start.AliasOf(c))));

    /// <summary>Records a command sent.</summary>
    public void Add(LifecycleCommand c, string alias) => this.steps.Add(Command(c, alias));

    /// <summary>Records that the last command's answer was not the model's: <c>… expected a refusal with InvalidReplicationState, got success</c>.</summary>
    public string FailAnswer(string expected, string got)
    {
        this.Failure = $"{this.steps[^1]} expected {expected}, got {got}";
        this.failedAnswer = true;
        return this.ToString();
    }

    /// <summary>Records that a group read after the last command differs from the model.</summary>
    public string FailReading(IReadOnlyList<LifecycleMismatch> mismatches)
    {
        this.Failure = string.Join("; ", mismatches.Select(m => m.ToString()));
        return this.ToString();
    }

    /// <summary>The script: every command sent, then where it went wrong.</summary>
    public override string ToString()
    {
        if (this.Failure is null)
        {
            return this.steps.Count == 0 ? "(no command)" : string.Join(Arrow, this.steps);
        }

        // A wrong answer replaces the last command (it names it); a wrong reading follows it.
        var sent = this.failedAnswer ? this.steps.Take(this.steps.Count - 1) : this.steps;
        return string.Join(Arrow, sent.Append(this.Failure));
    }
}
