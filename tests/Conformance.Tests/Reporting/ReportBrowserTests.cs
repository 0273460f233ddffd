using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Conformance.Checks;
using Conformance.Run;

namespace Conformance.Tests.Reporting;

/// <summary>
/// The generated HTML report, opened in a real browser: a run against a deviating embedded simulator is rendered
/// with scripts/render-report.sh (the pinned Allure 3 "awesome" report), served on 127.0.0.1 and opened in headless
/// Chromium over the DevTools Protocol. The page must show the counts of summary.json and every failed check, and a
/// failed check's HTTP exchange must open. Screenshots go to out/report-screenshot.png and out/report-failed-check.png.
/// Needs Debian's chromium (apt-get install -y chromium) and the Allure CLI (npm ci); ignored without them.
/// </summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public sealed class ReportBrowserTests
{
    // WrongFaultForEmptyGroupId makes the simulator answer an empty groupId with NotFound, so this check fails and its
    // ReverseReplicateGroup_Task exchange is an HTTP 500 carrying NotFound.
    private const string FailedCheck = "Empty_groupId_is_rejected_with_InvalidArgument";

    private const string Profile = """
        {
          "name": "browser-test",
          "target": "embedded",
          "taskTimeoutSeconds": 2,
          "pollIntervalMilliseconds": 10,
          "simulator": { "taskPollsToComplete": 1, "deviations": ["WrongFaultForEmptyGroupId", "NoStateChange"] }
        }
        """;

    // The report's counters and tree: the stats of the overview (data-testid="metadata-item-<status>" holding a
    // data-testid="metadata-value"), the status tabs above the tree (data-testid="tab-<status>", text "Failed 7") and
    // the titles of the tree's leaves. Null until the app has rendered the stats and at least one leaf.
    private const string ReadOverview = """
        (() => {
          const stats = {};
          for (const item of document.querySelectorAll('[data-testid^="metadata-item-"]')) {
            const value = item.querySelector('[data-testid="metadata-value"]');
            if (value) stats[item.getAttribute('data-testid').slice('metadata-item-'.length)] = Number(value.innerText.trim());
          }
          const tabs = {};
          for (const tab of document.querySelectorAll('[data-testid^="tab-"]')) {
            const count = tab.innerText.trim().match(/(\d+)$/);
            if (count) tabs[tab.getAttribute('data-testid').slice('tab-'.length)] = Number(count[1]);
          }
          const leaves = [...document.querySelectorAll('[data-testid="tree-leaf-title"]')].map(e => e.innerText.trim());
          if (!('total' in stats) || !('all' in tabs) || leaves.length === 0) return null;
          return { stats, tabs, leaves, text: document.body.innerText };
        })()
        """;

    [Test]
    public async Task The_rendered_report_shows_the_summary_counts_and_opens_a_failed_checks_exchange()
    {
        var chromium = HeadlessChromium.FindExecutable();
        if (chromium is null)
        {
            Assert.Ignore("Chromium not found (/usr/bin/chromium or chromium on PATH): install it with apt-get install -y chromium");
        }

        if (!File.Exists(Path.Combine(RunPaths.RepoRoot, "node_modules", "allure", "package.json")))
        {
            Assert.Ignore($"the Allure CLI is not installed (node_modules/allure): run npm ci in {RunPaths.RepoRoot}");
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = deadline.Token;
        var timings = new List<string>();
        var clock = Stopwatch.StartNew();
        void Lap(string phase)
        {
            timings.Add($"{phase} {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
        }

        var work = Path.Combine(Path.GetTempPath(), "vasa-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            // 1. A run with failures.
            var profilePath = Path.Combine(work, "profile.json");
            await File.WriteAllTextAsync(profilePath, Profile, ct);
            var outDirectory = Path.Combine(work, "out");
            var run = await RunFactory.CreateAsync(profilePath, outDirectory, _ => null, ct);
            try
            {
                Assert.That(run.Abort, Is.Null, run.Abort?.Message);
                foreach (var check in Catalogue.All.SelectMany(c => c.Checks))
                {
                    await run.RunCheckAsync(check);
                }

                run.Finish();
            }
            finally
            {
                run.Dispose();
            }

            var summary = ReadSummary(Path.Combine(outDirectory, "summary.json"));
            Assert.That(summary.Failed, Is.GreaterThan(0), "the deviating profile must produce failed checks");
            Assert.That(summary.FailedNames, Does.Contain(FailedCheck));
            Lap("run");

            // 2. The report, rendered by the repository's own script and configuration.
            var report = Path.Combine(work, "report");
            await RenderAsync(work, Path.Combine(outDirectory, "allure-results"), report, ct);
            var failedId = ReportTestId(report, FailedCheck.Replace('_', ' '));
            Lap("render");

            // 3. Served on loopback and opened in Chromium.
            using var server = StaticFileServer.Start(report);
            await using var browser = await HeadlessChromium.LaunchAsync(chromium, 1400, 1200, ct);
            Lap("browser start");
            await browser.BlockAllButAsync(server.BaseUri, ct);
            await browser.NavigateAsync(server.BaseUri, ct);
            var overview = await browser.WaitForAsync(ReadOverview, TimeSpan.FromSeconds(20), "the report's counters and tree", ct);
            Lap("overview rendered");

            var stats = Counts(overview.GetProperty("stats"));
            var tabs = Counts(overview.GetProperty("tabs"));
            var text = overview.GetProperty("text").GetString()!;
            var screenshots = Path.Combine(RunPaths.RepoRoot, "out");
            Directory.CreateDirectory(screenshots);
            // The app scrolls its content pane to the first failed leaf; scroll back up so the overview shows the counters.
            const string ScrollToTop = "[document.scrollingElement, ...document.querySelectorAll('*')].filter(e => e && e.scrollTop > 0).forEach(e => e.scrollTop = 0)";
            await browser.EvaluateAsync(ScrollToTop, ct);
            await Task.Delay(300, ct);
            await browser.EvaluateAsync(ScrollToTop, ct);
            await File.WriteAllBytesAsync(Path.Combine(screenshots, "report-screenshot.png"), await browser.ScreenshotAsync(ct), ct);

            // The report holds exactly the checks (the traceability matrix is a page of its own): every count equals summary.json's. Allure shows inconclusive, not-exercised and
            // not-applicable checks as skipped, inconclusive ones as unknown, and warnings as failed; a status with no result has no counter (0).
            var diagnostics = $"page counters {Show(stats)}, tabs {Show(tabs)}; summary {summary}; page errors: {string.Join(" | ", browser.PageErrors)}";
            Assert.Multiple(() =>
            {
                Assert.That(stats.GetValueOrDefault("total"), Is.EqualTo(summary.Total), "Total " + diagnostics);
                Assert.That(stats.GetValueOrDefault("failed"), Is.EqualTo(summary.Failed), "Failed " + diagnostics);
                Assert.That(stats.GetValueOrDefault("passed"), Is.EqualTo(summary.Passed), "Passed " + diagnostics);
                Assert.That(stats.GetValueOrDefault("broken"), Is.EqualTo(summary.Broken), "Broken " + diagnostics);
                Assert.That(stats.GetValueOrDefault("skipped"), Is.EqualTo(summary.NotApplicable), "Skipped (not exercised and not applicable) " + diagnostics);
                Assert.That(stats.GetValueOrDefault("unknown"), Is.EqualTo(summary.Inconclusive), "Unknown (inconclusive: a status of its own) " + diagnostics);
                Assert.That(tabs.GetValueOrDefault("all"), Is.EqualTo(summary.Total), "the Total tab " + diagnostics);
                Assert.That(tabs.GetValueOrDefault("failed"), Is.EqualTo(summary.Failed), "the Failed tab " + diagnostics);
                Assert.That(tabs.GetValueOrDefault("passed"), Is.EqualTo(summary.Passed), "the Passed tab " + diagnostics);
                // The report titles a check by its name with spaces for underscores.
                Assert.That(summary.FailedNames.Select(n => n.Replace('_', ' ')).Where(n => !text.Contains(n, StringComparison.Ordinal)), Is.Empty, "failed checks missing from the page");
            });

            // 4. Open the failed check from the tree, then its first ReverseReplicateGroup_Task exchange answered with 500.
            var title = JsonSerializer.Serialize(FailedCheck.Replace('_', ' '));
            var clicked = await browser.EvaluateAsync(
                $$"""
                (() => {
                  const leaf = [...document.querySelectorAll('[data-testid="tree-leaf"]')]
                    .find(l => l.querySelector('[data-testid="tree-leaf-title"]')?.innerText.trim() === {{title}});
                  if (!leaf) return false;
                  leaf.click();
                  return true;
                })()
                """,
                ct);
            Assert.That(clicked.ValueKind, Is.EqualTo(JsonValueKind.True), $"no tree leaf titled {title}");
            var page = await browser.WaitForAsync(
                $$"""
                (() => {
                  const title = document.querySelector('[data-testid="test-result-info-title"]');
                  return title && location.hash.includes({{JsonSerializer.Serialize(failedId)}})
                    ? { title: title.innerText.trim(), hash: location.hash, failed: !!document.querySelector('[data-testid="test-result-status-failed"]') }
                    : null;
                })()
                """,
                TimeSpan.FromSeconds(15),
                $"the test page of {title} (#/{failedId})",
                ct);
            Assert.Multiple(() =>
            {
                Assert.That(page.GetProperty("title").GetString(), Is.EqualTo(FailedCheck.Replace('_', ' ')));
                Assert.That(page.GetProperty("failed").GetBoolean(), Is.True, "the test page shows no Failed status");
            });

            await browser.EvaluateAsync("""document.querySelector('[data-testid="test-result-tab-attachments"]').click()""", ct);
            var attachmentId = (await browser.WaitForAsync(
                """
                (() => {
                  const header = [...document.querySelectorAll('[data-testid="test-result-attachment-header"]')]
                    .find(h => /ReverseReplicateGroup_Task\s*\S*\s*500\b/.test(h.innerText));
                  return header ? header.getAttribute('data-tr-focus-id') ?? '' : null;
                })()
                """,
                TimeSpan.FromSeconds(15),
                "a 'POST ReverseReplicateGroup_Task → 500' attachment in the Attachments tab",
                ct)).GetString()!;
            var attachment = """[...document.querySelectorAll('[data-testid="test-result-attachment-header"]')].find(h => /ReverseReplicateGroup_Task\s*\S*\s*500\b/.test(h.innerText)).closest('[data-testid="test-result-attachment"]')""";
            await browser.EvaluateAsync(
                $$"""
                (() => {
                  const attachment = {{attachment}};
                  if (!attachment.querySelector('[data-testid="code-attachment-content"]')) attachment.querySelector('[data-testid="test-result-attachment-header"] > button').click();
                  return true;
                })()
                """,
                ct);
            var content = (await browser.WaitForAsync(
                $$"""
                (() => {
                  const attachment = {{attachment}};
                  const code = attachment.querySelector('[data-testid="code-attachment-content"]');
                  if (!code || code.innerText.trim().length === 0) return null;
                  attachment.scrollIntoView({ block: 'nearest' });
                  return code.innerText;
                })()
                """,
                TimeSpan.FromSeconds(15),
                "the opened exchange's content",
                ct)).GetString()!;
            await Task.Delay(200, ct); // let the scroll settle before the screenshot
            await File.WriteAllBytesAsync(Path.Combine(screenshots, "report-failed-check.png"), await browser.ScreenshotAsync(ct), ct);
            Lap("failed check opened");

            Assert.Multiple(() =>
            {
                Assert.That(attachmentId, Is.Not.Empty, "the attachment header carries no attachment id");
                Assert.That(content, Does.Contain("\"operation\": \"ReverseReplicateGroup_Task\""), "the exchange names the operation");
                Assert.That(content, Does.Contain("\"status\": 500"), "the exchange shows the HTTP status");
                Assert.That(content, Does.Contain("NotFound"), "the exchange shows the wrong fault the deviation returns");
                Assert.That(server.NotFound.Where(p => p.EndsWith(attachmentId + ".json", StringComparison.Ordinal)), Is.Empty, "the attachment file was not served");
            });
            TestContext.Out.WriteLine("timings: " + string.Join(", ", timings));
            TestContext.Out.WriteLine($"refused {browser.BlockedRequests.Count} request(s) off 127.0.0.1: {string.Join(", ", browser.BlockedRequests)}");
            Assert.That(browser.BlockedRequests, Is.Empty, "the report must not call any host but the one serving it (scripts/render-report.sh strips Allure's analytics tag)");
            TestContext.Out.WriteLine($"served {server.Requested.Count} requests, {server.NotFound.Count} not found: {string.Join(", ", server.NotFound.Distinct())}");
        }
        finally
        {
            DeleteDirectory(work);
        }
    }

    /// <summary>
    /// Runs scripts/render-report.sh from a copy of the repository root that holds only the script, allurerc.mjs,
    /// package.json and a link to node_modules: the same script, configuration and pinned CLI, but the history line
    /// allurerc.mjs appends goes to the copy's out/history, not to the repository's trend.
    /// </summary>
    private static async Task RenderAsync(string work, string results, string report, CancellationToken ct)
    {
        var root = RunPaths.RepoRoot;
        var sandbox = Path.Combine(work, "render-root");
        Directory.CreateDirectory(Path.Combine(sandbox, "scripts"));
        File.Copy(Path.Combine(root, "scripts", "render-report.sh"), Path.Combine(sandbox, "scripts", "render-report.sh"));
        File.Copy(Path.Combine(root, "allurerc.mjs"), Path.Combine(sandbox, "allurerc.mjs"));
        File.Copy(Path.Combine(root, "package.json"), Path.Combine(sandbox, "package.json"));
        Directory.CreateSymbolicLink(Path.Combine(sandbox, "node_modules"), Path.Combine(root, "node_modules"));

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(sandbox, "scripts", "render-report.sh"));
        start.ArgumentList.Add(results);
        start.ArgumentList.Add(report);
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("scripts/render-report.sh did not finish within 60 s");
        }

        output.Append(await stdout).Append(await stderr);
        Assert.That(process.ExitCode, Is.Zero, "scripts/render-report.sh failed:\n" + output);
        Assert.That(File.Exists(Path.Combine(report, "index.html")), Is.True, "no index.html:\n" + output);
        var single = Path.Combine(Path.GetDirectoryName(report)!, "report-single.html");
        Assert.That(File.Exists(single) && new FileInfo(single).Length > 100_000, Is.True, "one self-contained file to send, report-single.html:\n" + output);
    }

    /// <summary>
    /// The report's id of the test titled <paramref name="title"/> (test-results.json, byId), after checking that the
    /// report holds no "Traceability matrix" test (the matrix is a page of its own, traceability.html).
    /// </summary>
    private static string ReportTestId(string report, string title)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "test-results.json")));
        var tests = document.RootElement.GetProperty("byId").EnumerateObject()
            .Select(p => (Id: p.Name, Name: p.Value.GetProperty("name").GetString(), Status: p.Value.GetProperty("status").GetString()))
            .ToList();
        Assert.That(tests.Where(t => t.Name == "Traceability matrix"), Is.Empty, "the matrix is not a test");
        Assert.That(File.Exists(Path.Combine(report, "traceability.html")), Is.True, "the matrix page ships inside the report");
        var matches = tests.Where(t => t.Name == title).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), $"one report entry titled '{title}'");
        Assert.That(matches[0].Status, Is.EqualTo("failed"));
        return matches[0].Id;
    }

    private static Summary ReadSummary(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var counts = document.RootElement.GetProperty("counts");
        int Count(string name) => counts.GetProperty(name).GetInt32();
        var failed = document.RootElement.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("outcome").GetString() is "failed" or "broken")
            .Select(c => c.GetProperty("name").GetString()!)
            .ToList();
        return new Summary(Count("total"), Count("passed"), Count("failed") + Count("warnings"), Count("broken"), Count("inconclusive"), Count("notApplicable") + Count("notExercised"), failed);
    }

    private static Dictionary<string, int> Counts(JsonElement counters) =>
        counters.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);

    private static string Show(Dictionary<string, int> counts) => "{" + string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")) + "}";

    private static void DeleteDirectory(string directory)
    {
        // The node_modules link first, so nothing can ever follow it into the repository.
        var link = new DirectoryInfo(Path.Combine(directory, "render-root", "node_modules"));
        if (link.LinkTarget is not null)
        {
            link.Delete();
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed record Summary(int Total, int Passed, int Failed, int Broken, int Inconclusive, int NotApplicable, IReadOnlyList<string> FailedNames)
    {
        public override string ToString() => $"total {this.Total}, passed {this.Passed}, failed {this.Failed}, broken {this.Broken}, inconclusive {this.Inconclusive}, not applicable {this.NotApplicable}";
    }
}
