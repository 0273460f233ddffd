using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Harness.Security;

namespace Harness.Reporting;

/// <summary>
/// Writes out/junit.xml from a <see cref="RunSummary"/> for CI test-result viewers: one <c>testsuites</c>, one
/// <c>testsuite</c> ("VASA provider conformance"), one <c>testcase</c> per check. The document is valid against the
/// Jenkins JUnit schema (jenkins-junit.xsd, the dtkit junit-4.xsd that JUnit 5 validates its own legacy reports
/// against). A testcase's name starts with its clause id ("RRG-ARG-1 Empty_groupId_is_rejected_with_InvalidArgument")
/// and its classname is its check's operation ("ReverseReplicateGroup_Task"); a check that names none is classed
/// "Conformance.{feature}" when the caller names a feature, else "Conformance". The suite's "feature" property is the
/// caller's feature, else every operation its checks name. A testcase has no <c>properties</c> in the schema, so the level and outcome go to its <c>system-out</c>
/// ("clause: R-4.2.1 (MUST)"); and <c>skipped</c> takes no attributes, so its message ("Inconclusive: …",
/// "Not applicable: …", "Not exercised: …") is the element's text, as JUnit 5 writes it. Failed: <c>failure type="{clause id}"</c>;
/// a warning (a failed SHOULD) passes with its text in <c>system-err</c> ("WARNING (SHOULD): …"), or, in strict mode,
/// is a <c>failure type="warning {clause id}"</c>;
/// broken: <c>error type="harness"</c>; a run-level error adds a testcase named "run" with <c>error type="run"</c> (also after some checks, so
/// that a run without a verdict never shows green). The timestamp (UTC, no zone, as Ant writes it) is left out when
/// <see cref="RunSummary.StartedAt"/> was never set.
/// Every text passes through the <see cref="Redactor"/>; characters XML 1.0 forbids become U+FFFD.
/// </summary>
internal static class JUnitWriter
{
    public const string SuiteName = "VASA provider conformance";

    /// <summary>The classname of a check that names no operation, and the qualifier of its feature.</summary>
    public const string Root = "Conformance";

    /// <summary>The testcase that stands for a run-level error.</summary>
    public const string RunTestCaseName = "run";

    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        NewLineChars = "\n",
    };

    /// <summary>Writes the document to <paramref name="path"/> atomically, creating its directory.</summary>
    /// <param name="summary">The run.</param>
    /// <param name="path">Where to write, normally out/junit.xml.</param>
    /// <param name="redactor">Masks secrets in everything written.</param>
    /// <param name="feature">The feature of the checks that name no operation (classname "Conformance.{feature}"); null: every check's own operation, and "Conformance" for one that names none.</param>
    /// <param name="hostname">The testsuite's hostname; the machine name when null.</param>
    public static void Write(RunSummary summary, string path, Redactor redactor, string? feature = null, string? hostname = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var document = Build(summary, redactor, feature, hostname);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            document.Save(writer);
        }

        buffer.WriteByte((byte)'\n');
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    /// <summary>The junit.xml document, redacted.</summary>
    public static XDocument Build(RunSummary summary, Redactor redactor, string? feature = null, string? hostname = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(redactor);
        if (feature is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        }

        string Text(string? text) => XmlSafe(redactor.Redact(text));
        var classname = Text(Qualified(feature));
        var checks = summary.Checks;
        var error = summary.Error;
        var counts = RunCounts.From(checks);
        var verdict = summary.Verdict;

        var testcases = checks.Select(c => TestCase(c, c.Feature is null ? classname : Text(c.Feature), Text, summary.Strict)).ToList();
        if (error is not null)
        {
            var reason = Text(error.Reason);
            testcases.Add(new XElement(
                "testcase",
                new XAttribute("classname", classname),
                new XAttribute("name", RunTestCaseName),
                new XAttribute("time", Seconds(0)),
                new XElement(
                    "error",
                    new XAttribute("message", reason),
                    new XAttribute("type", "run"),
                    $"The run could not reach a verdict (exit code {error.ExitCode}): {reason}")));
        }

        var tests = testcases.Count;
        var errors = counts.Broken + (error is null ? 0 : 1);
        var time = Seconds(SuiteMilliseconds(summary, checks));
        var properties = new XElement(
            "properties",
            Property("profile", Text(summary.Profile)),
            Property("target", Text(summary.Target)),
            Property("feature", Text(feature ?? Features(summary.Checks))),
            Property("verdict", RunSummaryWriter.VerdictText(verdict.Verdict)),
            Property("headline", verdict.Headline),
            Property("exitCode", verdict.ExitCode.ToString(CultureInfo.InvariantCulture)),
            Property("warnings", counts.Warnings.ToString(CultureInfo.InvariantCulture)),
            Property("inconclusive", counts.Inconclusive.ToString(CultureInfo.InvariantCulture)),
            Property("notExercised", counts.NotExercised.ToString(CultureInfo.InvariantCulture)),
            Property("notApplicable", counts.NotApplicable.ToString(CultureInfo.InvariantCulture)));
        var failures = counts.Failed + (summary.Strict ? counts.Warnings : 0);

        var suite = new XElement(
            "testsuite",
            new XAttribute("name", SuiteName),
            new XAttribute("tests", Count(tests)),
            new XAttribute("failures", Count(failures)),
            new XAttribute("errors", Count(errors)),
            new XAttribute("skipped", Count(counts.Inconclusive + counts.NotApplicable + counts.NotExercised)),
            new XAttribute("time", time),
            summary.StartedAt == default ? null : new XAttribute("timestamp", summary.StartedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("hostname", Text(hostname ?? Environment.MachineName)),
            properties,
            testcases);

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "testsuites",
                new XAttribute("name", SuiteName),
                new XAttribute("tests", Count(tests)),
                new XAttribute("failures", Count(failures)),
                new XAttribute("errors", Count(errors)),
                new XAttribute("time", time),
                suite));
    }

    /// <summary>"Conformance.{feature}", or "Conformance" without a feature.</summary>
    internal static string Qualified(string? feature) => feature is null ? Root : $"{Root}.{feature}";

    /// <summary>The operations the checks name, in order of first appearance ("ReverseReplicateGroup_Task, WireFidelity").</summary>
    internal static string Features(IEnumerable<RunCheck> checks) =>
        string.Join(", ", checks.Select(c => c.Feature).OfType<string>().Distinct(StringComparer.Ordinal));

    /// <summary>Milliseconds as seconds with three decimals ("0.850"), invariant culture.</summary>
    internal static string Seconds(long milliseconds) =>
        (Math.Max(0, milliseconds) / 1000m).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The text with every character XML 1.0 forbids (most control characters, lone surrogates) replaced by U+FFFD.</summary>
    internal static string XmlSafe(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length);
            builder.Append('\uFFFD');
        }

        return builder?.ToString() ?? text;
    }

    private static XElement TestCase(RunCheck check, string classname, Func<string?, string> text, bool strict)
    {
        var clause = text(check.ClauseId);
        var testcase = new XElement(
            "testcase",
            new XAttribute("classname", classname),
            new XAttribute("name", $"{clause} {text(check.Name)}"),
            new XAttribute("time", Seconds(check.DurationMs)));
        var message = text(check.Message);
        string? warning = null;

        // The schema's order: skipped?, error*, failure*, system-out*, system-err*.
        switch (check.Outcome)
        {
            case CheckOutcome.Passed:
                break;
            case CheckOutcome.Failed:
                var failure = message.Length == 0 ? "failed" : message;
                testcase.Add(new XElement("failure", new XAttribute("message", failure), new XAttribute("type", clause), failure));
                break;
            case CheckOutcome.Warning when strict:
                var strictWarning = message.Length == 0 ? "warning" : message;
                testcase.Add(new XElement("failure", new XAttribute("message", "WARNING (SHOULD, failing in strict mode): " + strictWarning), new XAttribute("type", "warning " + clause), strictWarning));
                break;
            case CheckOutcome.Warning:
                warning = "WARNING (SHOULD, does not fail the gate): " + (message.Length == 0 ? "warning" : message);
                break;
            case CheckOutcome.Broken:
                var broken = message.Length == 0 ? "harness error" : message;
                testcase.Add(new XElement("error", new XAttribute("message", broken), new XAttribute("type", "harness"), broken));
                break;
            case CheckOutcome.RestoreFailed:
                var left = message.Length == 0 ? "restore failed" : message;
                testcase.Add(new XElement("error", new XAttribute("message", left), new XAttribute("type", "restore failed"), left));
                break;
            case CheckOutcome.Inconclusive:
                testcase.Add(new XElement("skipped", WithPrefix("Inconclusive:", message)));
                break;
            case CheckOutcome.NotApplicable:
                testcase.Add(new XElement("skipped", WithPrefix("Not applicable:", message)));
                break;
            case CheckOutcome.NotExercised:
                testcase.Add(new XElement("skipped", WithPrefix("Not exercised:", message)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(check), check.Outcome, null);
        }

        testcase.Add(new XElement("system-out", $"clause: {clause} ({(check.Level == RequirementLevel.Must ? "MUST" : "SHOULD")})\noutcome: {RunSummaryWriter.OutcomeText(check.Outcome)}"));
        if (warning is not null)
        {
            testcase.Add(new XElement("system-err", warning));
        }

        return testcase;
    }

    private static string WithPrefix(string prefix, string message) =>
        message.StartsWith(prefix, StringComparison.Ordinal) ? message
        : message.Length == 0 ? prefix.TrimEnd(':')
        : prefix + " " + message;

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The wall-clock span of the run when recorded, else the checks' durations added up.</summary>
    private static long SuiteMilliseconds(RunSummary summary, IReadOnlyList<RunCheck> checks)
    {
        var span = (long)(summary.FinishedAt - summary.StartedAt).TotalMilliseconds;
        return summary.StartedAt != default && span > 0 ? span : checks.Sum(c => Math.Max(0, c.DurationMs));
    }
}
