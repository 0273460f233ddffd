using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Harness.Security;

/// <summary>
/// The one redaction mechanism. Every text that leaves the harness (attachments, logs, console, summaries,
/// exception messages) passes through <see cref="Redact(string?)"/>. It removes registered secret values
/// wherever they appear, the values of secret headers, and the values of secret JSON fields.
/// </summary>
public sealed partial class Redactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***REDACTED***";

    /// <summary>Header names whose values are always secret.</summary>
    public static readonly IReadOnlySet<string> SecretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "vmware-api-session-id", "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
    };

    /// <summary>Names the patterns look for; a text with none of them skips the regexes.</summary>
    private static readonly string[] Keywords = ["password", "passwd", "secret", "token", "vmware-api-session-id", "sessionCookie", "authorization", "cookie"];

    private readonly ConcurrentDictionary<string, byte> secrets = new(StringComparer.Ordinal);
    private string[] ordered = [];

    /// <summary>A process-wide instance for code that has no context (e.g. top-level error printing).</summary>
    public static Redactor Shared { get; } = new();

    /// <summary>Registers a secret value (a password, a session id). Values shorter than 4 characters are ignored.</summary>
    public void AddSecret(string? value)
    {
        if (!string.IsNullOrEmpty(value) && value.Length >= 4 && this.secrets.TryAdd(value, 0))
        {
            // Longest first, so that a secret containing another is masked whole.
            this.ordered = this.secrets.Keys.OrderByDescending(k => k.Length).ToArray();
        }
    }

    /// <summary>Whether a header's value must be masked.</summary>
    public static bool IsSecretHeader(string name) => SecretHeaders.Contains(name);

    /// <summary>Returns the text with every registered secret, secret JSON field and secret header value masked.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = text;
        if (!this.secrets.IsEmpty)
        {
            foreach (var secret in this.ordered)
            {
                if (result.Contains(secret, StringComparison.Ordinal))
                {
                    result = result.Replace(secret, Mask, StringComparison.Ordinal);
                }
            }
        }

        // The patterns can only match where a secret-looking name appears: most texts have none, and skip the regexes.
        if (!Keywords.Any(k => result.Contains(k, StringComparison.OrdinalIgnoreCase)))
        {
            return result;
        }

        result = SecretJsonField().Replace(result, m => m.Groups["head"].Value + "\"" + Mask + "\"");
        result = SecretHeaderLine().Replace(result, m => m.Groups["head"].Value + Mask);
        return result;
    }

    [GeneratedRegex("(?<head>\"(?:password|passwd|secret|token|vmware-api-session-id|sessionCookie)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.IgnoreCase)]
    private static partial Regex SecretJsonField();

    [GeneratedRegex("(?<head>^\\s*(?:vmware-api-session-id|Authorization|Proxy-Authorization|Cookie|Set-Cookie)\\s*:\\s*).*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex SecretHeaderLine();
}
