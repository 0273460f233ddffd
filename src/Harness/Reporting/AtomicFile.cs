namespace Harness.Reporting;

/// <summary>
/// Writes a file so that readers never see it half-written (gotcha G15): the bytes go to a unique
/// <c>{name}.{guid}.tmp</c> next to the target, which is then renamed over it. The unique temporary name lets two
/// threads write the same target (environment.properties) without clashing; the last rename wins.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
