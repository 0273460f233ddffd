using Harness.Client;

namespace Conformance.Checks;

/// <summary>
/// A failed check, in the one shape a vendor reads: "&lt;prefix&gt; expected &lt;what the clause requires&gt;; observed
/// &lt;what the provider did&gt;", followed in the reason by "(exchange &lt;correlation id&gt;)" of the exchange that shows it.
/// </summary>
/// <param name="Defect">The kind of contract broken; its prefix is what the report's categories match on.</param>
/// <param name="Expected">What the clause requires, e.g. <c>InvalidArgument (HTTP 500 with a MethodFault body)</c>.</param>
/// <param name="Observed">What the provider did instead, e.g. <c>HTTP 200 with a MoRef SmsTask:sms-task-2</c>.</param>
internal sealed record Failure(Defect Defect, string Expected, string Observed)
{
    /// <summary>The exchange that shows the failure, when known (else the failed step names its own last exchange, or the check's).</summary>
    public ProviderCall? Evidence { get; init; }

    /// <summary>The prefix the report's categories match on, e.g. <c>[result]</c> or <c>wrong fault:</c>.</summary>
    public string Prefix => this.Defect switch
    {
        Defect.WrongFault => "wrong fault:",
        Defect.MalformedFault => "malformed fault:",
        Defect.Task => "[task]",
        Defect.Result => "[result]",
        Defect.StuckTask => "stuck task:",
        Defect.Capability => "[capability]",
        Defect.Wire => "[wire]",
        _ => throw new InvalidOperationException($"no prefix for {this.Defect}"),
    };

    /// <summary>The reason a report shows: the text, then the exchange that shows it, e.g. <c>… (exchange 1f2e3d-0000a)</c>.</summary>
    public string Reason => this.Evidence is { } evidence ? $"{this} (exchange {evidence.CorrelationId})" : this.ToString();

    /// <summary>The text without the exchange: <c>&lt;prefix&gt; expected …; observed …</c>.</summary>
    public override string ToString() => $"{this.Prefix} expected {this.Expected}; observed {this.Observed}";
}
