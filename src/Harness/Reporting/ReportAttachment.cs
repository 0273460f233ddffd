namespace Harness.Reporting;

/// <summary>
/// A text attachment. <paramref name="ContentType"/> is a MIME type such as "application/json" or "text/plain";
/// it selects the file extension. For "image/png" the content is the base64 of the image bytes (written decoded,
/// and therefore not redacted: never attach screenshots that could show a secret).
/// </summary>
internal sealed record ReportAttachment(string Name, string ContentType, string Content);
