namespace Harness.Wire.Faults;

/// <summary>The caller lacks a privilege.</summary>
internal class NoPermission : SecurityError
{
    /// <summary>Deprecated privilege id.</summary>
    public string? PrivilegeId { get; set; }

    /// <summary>Deprecated object.</summary>
    public ManagedObjectReference? Object { get; set; }
}
