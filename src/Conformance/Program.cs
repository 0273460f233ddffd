namespace Conformance;

/// <summary>Command line used by run.sh.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => args.Length;
}
