using System.Text.RegularExpressions;
using Conformance.Checks;
using Harness.Reporting;

namespace Conformance.Tests;

/// <summary>
/// The one shape of a failure's reason (issue #12): "&lt;prefix&gt; expected &lt;what the clause requires&gt;; observed
/// &lt;what the provider did&gt; (exchange &lt;correlation id&gt;)", whose prefix files it under its own defect category.
/// </summary>
internal static partial class FailureShape
{
    /// <summary>The report's category for each prefix (null: none of the categories).</summary>
    private static readonly Dictionary<string, string?> Categories = new(StringComparer.Ordinal)
    {
        ["wrong fault:"] = "Wrong fault",
        ["malformed fault:"] = "Malformed fault",
        ["[task]"] = "Task contract",
        ["[result]"] = "Result contract",
        ["stuck task:"] = "Stuck task",
        ["[capability]"] = "Capability contradicted",
        ["[wire]"] = "Wire format (VMware's type definitions)",
    };

    /// <summary>Why each failed or warned check's reason breaks the shape (empty when every one keeps it).</summary>
    public static IEnumerable<string> Violations(IReadOnlyDictionary<string, CheckResult> results)
    {
        foreach (var (name, result) in results.Where(r => r.Value.Outcome is CheckOutcome.Failed or CheckOutcome.Warning))
        {
            if (Violation(name, result.Reason) is { } violation)
            {
                yield return violation;
            }
            else if (result.Failure?.Evidence?.CorrelationId is not { } id || !result.Reason!.EndsWith($"(exchange {id})", StringComparison.Ordinal))
            {
                yield return $"{name}: the exchange named is not the failure's evidence ({result.Failure?.Evidence?.CorrelationId ?? "none"}): {result.Reason}";
            }
        }
    }

    /// <summary>Why <paramref name="reason"/>, a failure's, breaks the shape; null when it keeps it.</summary>
    public static string? Violation(string name, string? reason)
    {
        var match = Shape().Match(reason ?? string.Empty);
        if (!match.Success)
        {
            return $"{name}: not \"<prefix> expected …; observed … (exchange <id>)\": {reason}";
        }

        var wanted = Categories[match.Groups["prefix"].Value];
        var filed = Category(reason!);
        return filed == wanted ? null : $"{name}: filed under '{filed ?? "no category"}', not '{wanted ?? "no category"}': {reason}";
    }

    /// <summary>The category a failed result with this message is filed under: the first match, by Allure 2's full-match rule.</summary>
    private static string? Category(string message) =>
        AllureCategories.All.FirstOrDefault(c =>
            c.MatchedStatuses.Contains(ReportStatus.Failed)
            && (c.MessageRegex is null || Regex.IsMatch(message, $"^(?:{c.MessageRegex})\\z", RegexOptions.Singleline)))?.Name;

    [GeneratedRegex(@"^(?<prefix>wrong fault:|malformed fault:|\[task\]|\[result\]|stuck task:|\[capability\]|\[wire\]) expected .+; observed .+ \(exchange [^\s()]+\)$", RegexOptions.Singleline)]
    private static partial Regex Shape();
}
