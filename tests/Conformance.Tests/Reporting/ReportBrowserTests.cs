using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Checks;
using Conformance.Run;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conformance.Tests.Reporting;

/// <summary>
/// The generated HTML report, opened in a real browser: a run against a deviating embedded simulator is rendered
/// with scripts/render-report.sh (the pinned Allure 3 "awesome" report), served on 127.0.0.1 and opened in Debian's
/// headless Chromium driven by Microsoft.Playwright (its driver ships in the build output; no browser is downloaded).
/// The first screen must state the verdict and the counts of summary.json, a failed check's failed step must carry the
/// HTTP exchange that shows the violation, and the single-file report must open from disk. Screenshots go to
/// out/report-screenshot.png and out/report-failed-check.png.
/// Needs Debian's chromium (apt-get install -y chromium) and the Allure CLI (npm ci); ignored without them.
/// </summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public sealed class ReportBrowserTests
{
    // WrongFaultForEmptyGroupId makes the simulator answer an empty groupId with NotFound, so this check fails and its
    // failed step carries the ReverseReplicateGroup_Task exchange, an HTTP 500 carrying NotFound.
    private const string FailedCheck = "Empty_groupId_is_rejected_with_InvalidArgument";

    // No FAILEDOVER group: the checks that need one to reverse are inconclusive, so the report has "unknown" results.
    private const string Profile = """
        {
          "name": "browser-test",
          "target": "embedded",
          "taskTimeoutSeconds": 2,
          "pollIntervalMilliseconds": 10,
          "simulator": {
            "taskPollsToComplete": 1,
            "deviations": ["WrongFaultForEmptyGroupId", "NoStateChange"],
            "groups": [
              { "faultDomainId": "fd-A", "deviceGroupId": "rg-src-1", "state": "SOURCE" },
              { "faultDomainId": "fd-B", "deviceGroupId": "rg-tgt-1", "state": "TARGET" }
            ]
          }
        }
        """;

    // Allure's statuses, each with a counter on the overview (data-testid="metadata-item-<status>") when some result has it.
    private static readonly string[] Statuses = ["total", "passed", "failed", "broken", "skipped", "unknown"];

    [Test]
    public async Task The_rendered_report_states_the_verdict_and_the_summary_counts_and_shows_a_failed_steps_evidence()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            Assert.Ignore("Chromium not found (/usr/bin/chromium or chromium on PATH): install it with apt-get install -y chromium");
        }

        if (!File.Exists(Path.Combine(RunPaths.RepoRoot, "node_modules", "allure", "package.json")))
        {
            Assert.Ignore($"the Allure CLI is not installed (node_modules/allure): run npm ci in {RunPaths.RepoRoot}");
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
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
            Assert.That(summary.FailedNames, Does.Contain("ReverseReplicateGroup_Task." + FailedCheck));
            Lap("run");

            // 2. The report, rendered by the repository's own script and configuration.
            var report = Path.Combine(work, "report");
            await RenderAsync(work, Path.Combine(outDirectory, "allure-results"), report, ct);
            var failedId = ReportTestId(report, FailedCheck.Replace('_', ' '));
            // The Quality Gates tab holds the verdict rule, failed, with the run's headline.
            var gate = await File.ReadAllTextAsync(Path.Combine(report, "quality-gate.json"), ct);
            Assert.That(gate, Does.Contain("\"rule\":\"conformanceVerdict\"").And.Contain("\"success\":false").And.Contain(summary.Headline), "the report's verdict quality gate");
            Lap("render");

            // 3. Served on loopback and opened in Chromium; every request off the server is refused and recorded.
            using var server = StaticFileServer.Start(report);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Timeout = 30_000,
                // Only 127.0.0.1 resolves: a request that slipped past the route below still could not leave the machine.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
            });
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1200 } });
            context.SetDefaultTimeout(20_000);
            var blocked = new ConcurrentQueue<string>();
            var pageErrors = new ConcurrentQueue<string>();
            await context.RouteAsync("**/*", route =>
            {
                var url = route.Request.Url;
                if (url.StartsWith(server.BaseUri.AbsoluteUri, StringComparison.Ordinal) || url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal))
                {
                    return route.ContinueAsync();
                }

                blocked.Enqueue(url);
                return route.AbortAsync("blockedbyclient");
            });
            var page = await context.NewPageAsync();
            page.PageError += (_, error) => pageErrors.Enqueue(error);
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    pageErrors.Enqueue(message.Text);
                }
            };
            Lap("browser start");

            await page.GotoAsync(server.BaseUri.AbsoluteUri);
            var reportName = $"{summary.Provider}: {summary.Headline}";
            await Expect(page.GetByTestId("report-title")).ToHaveTextAsync(reportName);
            await Expect(page.GetByTestId("metadata-item-total").GetByTestId("metadata-value")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("tree-leaf-title").First).ToBeVisibleAsync();
            Lap("overview rendered");

            // The verdict on the first screen, without "Show more": the title above, and the metadata entry "1. verdict"
            // (Allure lists the metadata by name and shows the first 8; the numbered verdict entries sort first).
            var verdict = page.GetByTestId("metadata-item").Filter(new LocatorFilterOptions { Has = page.GetByTestId("metadata-item-key").GetByText("1. verdict", new LocatorGetByTextOptions { Exact = true }) });
            await Expect(verdict).ToBeVisibleAsync();
            await Expect(page.GetByTestId("metadata-item").Filter(new LocatorFilterOptions { Has = page.GetByTestId("metadata-item-key").GetByText("2. failed MUST", new LocatorGetByTextOptions { Exact = true }) }).GetByTestId("metadata-item-value")).ToContainTextAsync("RRG-ARG-1");
            await Expect(verdict.GetByTestId("metadata-item-value")).ToContainTextAsync(summary.Headline);

            // The app scrolls its content pane to the first failed leaf; scroll back up so the overview shows the counters.
            const string ScrollToTop = "() => [document.scrollingElement, ...document.querySelectorAll('*')].filter(e => e && e.scrollTop > 0).forEach(e => e.scrollTop = 0)";
            await page.EvaluateAsync(ScrollToTop);
            await page.WaitForTimeoutAsync(300);
            await page.EvaluateAsync(ScrollToTop);
            var screenshots = Path.Combine(RunPaths.RepoRoot, "out");
            Directory.CreateDirectory(screenshots);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "report-screenshot.png") });

            // The report holds exactly the checks (the traceability matrix is a page of its own): every count equals summary.json's. Allure shows warnings as
            // failed, not-exercised and not-applicable checks as skipped, inconclusive ones as unknown; a status with no result has no counter (0).
            var counters = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var counter in Statuses)
            {
                var value = page.GetByTestId($"metadata-item-{counter}").GetByTestId("metadata-value");
                counters[counter] = await value.CountAsync() == 0 ? 0 : int.Parse((await value.First.InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
            }

            var allTab = await page.GetByTestId("tab-all").InnerTextAsync();
            var pageText = await page.Locator("body").InnerTextAsync();
            var diagnostics = $"page counters {{{string.Join(", ", counters.Select(c => $"{c.Key}: {c.Value}"))}}}, tab '{allTab.Trim()}'; summary {summary}; page errors: {string.Join(" | ", pageErrors)}";
            Assert.Multiple(() =>
            {
                Assert.That(counters["total"], Is.EqualTo(summary.Total), "Total " + diagnostics);
                Assert.That(counters["passed"], Is.EqualTo(summary.Passed), "Passed " + diagnostics);
                Assert.That(counters["failed"], Is.EqualTo(summary.Failed), "Failed (failed and warnings) " + diagnostics);
                Assert.That(counters["broken"], Is.EqualTo(summary.Broken), "Broken " + diagnostics);
                Assert.That(counters["skipped"], Is.EqualTo(summary.NotApplicable), "Skipped (not exercised and not applicable) " + diagnostics);
                Assert.That(counters["unknown"], Is.EqualTo(summary.Inconclusive), "Unknown (inconclusive: a status of its own) " + diagnostics);
                Assert.That(summary.Inconclusive, Is.GreaterThan(0), "the profile (no FAILEDOVER group) must leave some checks inconclusive " + diagnostics);
                Assert.That(allTab, Does.EndWith(summary.Total.ToString(CultureInfo.InvariantCulture)), "the All tab " + diagnostics);
                // The report titles a check by its name with spaces for underscores.
                Assert.That(summary.FailedNames.Select(n => n[(n.IndexOf('.', StringComparison.Ordinal) + 1)..].Replace('_', ' ')).Where(n => !pageText.Contains(n, StringComparison.Ordinal)), Is.Empty, "failed checks missing from the page");
            });

            // The inconclusive status: a slice of the overview's chart and a status tab above the tree, both "unknown".
            var inconclusive = summary.Inconclusive.ToString(CultureInfo.InvariantCulture);
            await Expect(page.GetByRole(AriaRole.Img, new PageGetByRoleOptions { NameRegex = new Regex($@"^{inconclusive} unknown \(") })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("tab-unknown")).ToHaveTextAsync(new Regex($@"\b{inconclusive}$"));

            // 4. Open the failed check from the tree: its failed step carries the exchange that shows the violation.
            var title = FailedCheck.Replace('_', ' ');
            await page.GetByTestId("tree-leaf")
                .Filter(new LocatorFilterOptions { Has = page.GetByTestId("tree-leaf-title").GetByText(title, new LocatorGetByTextOptions { Exact = true }) })
                .ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(failedId)));
            Assert.That(await File.ReadAllTextAsync(Path.Combine(report, "traceability.html")), Does.Contain($"data-check=\"ReverseReplicateGroup_Task.{FailedCheck}\" href=\"index.html#{failedId}\""), "the matrix links the check to its page in the report");
            await Expect(page.GetByTestId("test-result-info-title")).ToHaveTextAsync(title);
            await Expect(page.GetByTestId("test-result-status-failed").First).ToBeVisibleAsync();

            // The failed (red) steps are open by default; the innermost one holds an "Evidence: …" attachment of its own.
            var failedSteps = page.Locator("""[data-testid="test-result-step"]:has(> [data-testid="test-result-step-header"] [data-testid="tree-leaf-status-failed"])""");
            await Expect(failedSteps.First).ToBeVisibleAsync();
            var evidence = failedSteps.GetByTestId("test-result-attachment").Filter(new LocatorFilterOptions { Has = page.GetByTestId("test-result-attachment-header").GetByText("Evidence: ") });
            await Expect(evidence.First).ToBeVisibleAsync();
            var owned = await evidence.EvaluateAllAsync<int[]>(
                """
                attachments => attachments
                  .map((a, i) => ({ i, step: a.closest('[data-testid="test-result-step"]') }))
                  .filter(x => x.step && x.step.querySelector(':scope > [data-testid="test-result-step-header"] [data-testid="tree-leaf-status-failed"]'))
                  .map(x => x.i)
                """);
            Assert.That(owned, Is.Not.Empty, "no failed step holds an 'Evidence: …' attachment of its own");
            var attachment = evidence.Nth(owned[^1]);
            var header = attachment.GetByTestId("test-result-attachment-header");
            var code = attachment.GetByTestId("code-attachment-content");
            if (await code.CountAsync() == 0)
            {
                await header.ClickAsync();
            }

            await Expect(code).Not.ToBeEmptyAsync();
            var attachmentTitle = (await header.InnerTextAsync()).Trim();
            var content = await code.InnerTextAsync();
            await attachment.ScrollIntoViewIfNeededAsync();
            await page.WaitForTimeoutAsync(200); // let the scroll settle before the screenshot
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "report-failed-check.png") });
            Lap("failed check opened");

            var status = content.IndexOf("\"status\": 500", StringComparison.Ordinal);
            var request = content.IndexOf("\"request", StringComparison.Ordinal);
            Assert.Multiple(() =>
            {
                Assert.That(attachmentTitle, Does.Contain("Evidence: ").And.Contain("ReverseReplicateGroup_Task"), "the attachment names the exchange");
                Assert.That(content, Does.Contain("\"operation\": \"ReverseReplicateGroup_Task\""), "the exchange names the operation");
                Assert.That(status, Is.GreaterThanOrEqualTo(0), "the exchange shows the HTTP status 500:\n" + content);
                Assert.That(request, Is.GreaterThan(status), "the response comes before the request:\n" + content);
                Assert.That(content, Does.Contain("NotFound"), "the exchange shows the wrong fault the deviation returns");
                Assert.That(server.NotFound.Where(p => p.Contains("attachments", StringComparison.Ordinal)), Is.Empty, "an attachment file was not served");
            });

            // 5. The single file to send opens from disk: no server, no network.
            var single = await context.NewPageAsync();
            var network = new ConcurrentQueue<string>();
            single.Request += (_, r) =>
            {
                if (!r.Url.StartsWith("file:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal) && !r.Url.StartsWith("blob:", StringComparison.Ordinal))
                {
                    network.Enqueue(r.Url);
                }
            };
            await single.GotoAsync(new Uri(Path.Combine(work, "report-single.html")).AbsoluteUri);
            await Expect(single.GetByTestId("report-title")).ToHaveTextAsync(reportName);
            await Expect(single.GetByTestId("tree-leaf-title").First).ToBeVisibleAsync();
            Lap("single file opened");
            Assert.That(network, Is.Empty, "report-single.html must need no network request");

            TestContext.Out.WriteLine($"summary {summary}; page counters {string.Join(", ", counters.Select(c => $"{c.Key}: {c.Value}"))}; evidence '{attachmentTitle}'");
            TestContext.Out.WriteLine("timings: " + string.Join(", ", timings));
            TestContext.Out.WriteLine($"refused {blocked.Count} request(s) off 127.0.0.1: {string.Join(", ", blocked)}");
            Assert.That(blocked, Is.Empty, "the report must not call any host but the one serving it (scripts/render-report.sh strips Allure's analytics tag)");
            TestContext.Out.WriteLine($"served {server.Requested.Count} requests, {server.NotFound.Count} not found: {string.Join(", ", server.NotFound.Distinct())}");
        }
        finally
        {
            DeleteDirectory(work);
        }
    }

    /// <summary>Debian's browser: /usr/bin/chromium, else "chromium" on PATH; null when absent.</summary>
    private static string? FindChromium()
    {
        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);
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
        File.Copy(Path.Combine(root, "scripts", "iter-toarray-polyfill.cjs"), Path.Combine(sandbox, "scripts", "iter-toarray-polyfill.cjs"));
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
        // Every operation has an entry of this title (the shared contracts' sentences); the deviating provider fails Reverse's alone.
        var matches = tests.Where(t => t.Name == title && t.Status == "failed").ToList();
        Assert.That(matches, Has.Count.EqualTo(1), $"one failed report entry titled '{title}'");
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
        var provider = document.RootElement.GetProperty("provider");
        var name = string.Join(' ', new[] { provider.GetProperty("name").GetString(), provider.GetProperty("version").GetString() }.Where(p => !string.IsNullOrEmpty(p)));
        var headline = document.RootElement.GetProperty("headline").GetString()!;
        return new Summary(name, headline, Count("total"), Count("passed"), Count("failed") + Count("warnings"), Count("broken"), Count("inconclusive"), Count("notApplicable") + Count("notExercised"), failed);
    }

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

    private sealed record Summary(string Provider, string Headline, int Total, int Passed, int Failed, int Broken, int Inconclusive, int NotApplicable, IReadOnlyList<string> FailedNames)
    {
        public override string ToString() => $"'{this.Provider}: {this.Headline}', total {this.Total}, passed {this.Passed}, failed {this.Failed}, broken {this.Broken}, inconclusive {this.Inconclusive}, not applicable {this.NotApplicable}";
    }
}
