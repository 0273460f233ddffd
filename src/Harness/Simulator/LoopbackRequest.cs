using System.Globalization;
using System.Text;

namespace Harness.Simulator;

/// <summary>One HTTP/1.1 request as read off a raw connection by <see cref="LoopbackFront"/>: request line, headers and a Content-Length body.</summary>
internal sealed record LoopbackRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    private const int MaxHeadBytes = 64 * 1024;
    private const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>The path of the request target, without the query.</summary>
    public string Path => this.Target.Split('?', 2)[0];

    /// <summary>Reads one request; null when the connection closes first, or the request is not one this front serves (too large, chunked, malformed).</summary>
    public static async Task<LoopbackRequest?> ReadAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[8192];
        using var head = new MemoryStream();
        var end = -1;
        while (end < 0)
        {
            var read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false);
            if (read == 0 || head.Length + read > MaxHeadBytes)
            {
                return null;
            }

            head.Write(buffer, 0, read);
            end = IndexOfBlankLine(head.GetBuffer(), (int)head.Length);
        }

        var all = head.GetBuffer();
        var lines = Encoding.Latin1.GetString(all, 0, end).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }

            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        if (headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var lengthHeader = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        var length = lengthHeader is null ? 0 : int.TryParse(lengthHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : -1;
        if (length is < 0 or > MaxBodyBytes)
        {
            return null;
        }

        var body = new byte[length];
        var already = Math.Min(length, (int)head.Length - (end + 4));
        Array.Copy(all, end + 4, body, 0, already);
        if (already < length)
        {
            await stream.ReadExactlyAsync(body.AsMemory(already), ct).ConfigureAwait(false);
        }

        return new LoopbackRequest(requestLine[0], requestLine[1], headers, body);
    }

    /// <summary>The request as bytes for the backend: one request per connection (<c>Connection: close</c>), with extra headers.</summary>
    public byte[] ToBytes(IEnumerable<KeyValuePair<string, string>> extraHeaders, IReadOnlySet<string> dropHeaders)
    {
        var text = new StringBuilder().Append(this.Method).Append(' ').Append(this.Target).Append(" HTTP/1.1\r\n");
        foreach (var (name, value) in this.Headers.Where(h => !dropHeaders.Contains(h.Key)).Concat(extraHeaders))
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        text.Append("Connection: close\r\n\r\n");
        return [.. Encoding.Latin1.GetBytes(text.ToString()), .. this.Body];
    }

    /// <summary>Where the head ends: the index of the first CR LF CR LF, or -1.</summary>
    public static int IndexOfBlankLine(byte[] bytes, int count) => bytes.AsSpan(0, count).IndexOf("\r\n\r\n"u8);
}
