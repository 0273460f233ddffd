using System.Diagnostics;

namespace Harness.Tests.Reporting;

/// <summary>
/// Runs scripts/validate-sarif.sh (Microsoft's SARIF Multitool and Ajv against the official SARIF 2.1.0 schema,
/// both pinned devDependencies installed by npm ci).
/// </summary>
internal static class SarifValidation
{
    public static bool IsInstalled =>
        File.Exists(RepositoryPaths.File("node_modules", "@microsoft", "sarif-multitool", "package.json"))
        && File.Exists(RepositoryPaths.File("node_modules", "ajv", "package.json"));

    public static string NotInstalledReason =>
        "node_modules/@microsoft/sarif-multitool (or ajv) is not installed: run `npm ci` in the repository root to validate SARIF.";

    /// <summary>The script's exit code (0 valid, 1 invalid) and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(string sarifPath)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryPaths.Root(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryPaths.File("scripts", "validate-sarif.sh"));
        start.ArgumentList.Add(sarifPath);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("validate-sarif.sh did not finish in 120 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
