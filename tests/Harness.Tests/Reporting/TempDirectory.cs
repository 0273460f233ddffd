namespace Harness.Tests.Reporting;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        this.Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "harness-reporting-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(this.Path);
    }

    public string Path { get; }

    public IReadOnlyList<string> Files() => Directory.GetFiles(this.Path, "*", SearchOption.AllDirectories);

    public string File(string name) => System.IO.Path.Combine(this.Path, name);

    public void Dispose()
    {
        if (Directory.Exists(this.Path))
        {
            Directory.Delete(this.Path, recursive: true);
        }
    }
}
