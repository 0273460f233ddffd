namespace Harness.Reporting;

/// <summary>
/// Where a clause is written down, for viewers that need a physical place (GitHub code scanning): its text and level,
/// the committed clause document and the line of its row there, and a page that explains it.
/// </summary>
/// <param name="Text">The clause's text.</param>
/// <param name="Level">"MUST" or "SHOULD".</param>
/// <param name="Document">The committed clause document, relative to the repository root (e.g. docs/clauses.md).</param>
/// <param name="Line">The 1-based line of the clause's row in <paramref name="Document"/>.</param>
/// <param name="HelpUri">An absolute page about the clause: its line in the hosted document, else <paramref name="VmwarePage"/>.</param>
/// <param name="VmwarePage">The clause's own section of VMware's documentation: the page of the SMS type the clause is about, else the operation's API page.</param>
/// <param name="VmwareTopic">What <paramref name="VmwarePage"/> documents (a type or an operation name), for link titles.</param>
internal sealed record ClauseReference(string Text, string Level, string Document, int Line, Uri HelpUri, Uri VmwarePage, string VmwareTopic);
