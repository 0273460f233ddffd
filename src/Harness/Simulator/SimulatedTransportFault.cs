namespace Harness.Simulator;

/// <summary>
/// A break in the HTTP exchange of one operation, in place of a proper answer: on every call (<see cref="Times"/> null)
/// or on the first <see cref="Times"/> calls, then the operation answers normally again. It applies before the session
/// check. The faulted request reaches the provider model only for <see cref="TransportFaultKind.Reset"/>,
/// <see cref="TransportFaultKind.Trickle"/> and <see cref="TransportFaultKind.WrongContentType"/>, which carry (part
/// of) the model's real answer; the other kinds answer in the model's place.
/// </summary>
public sealed record SimulatedTransportFault
{
    /// <summary>The default <see cref="Operation"/>.</summary>
    public const string DefaultOperation = SimulatedFault.DefaultOperation;

    /// <summary>The default <see cref="SizeBytes"/>: 20 MiB.</summary>
    public const long DefaultSizeBytes = 20L * 1024 * 1024;

    /// <summary>The largest <see cref="SizeBytes"/>: 1 GiB.</summary>
    public const long MaxSizeBytes = 1024L * 1024 * 1024;

    /// <summary>The default <see cref="Status"/>.</summary>
    public const int DefaultStatus = 503;

    /// <summary>The operations whose exchange can be broken: the SMS methods, Login and RetrieveServiceContent.</summary>
    public static IReadOnlyList<string> Operations { get; } =
    [
        DefaultOperation, "QueryReplicationGroup", "QuerySmsTaskInfo", "QuerySmsTaskResult", "QueryProviderInfo",
        "QueryProvider", "QueryStorageManager", "Login", "RetrieveServiceContent",
    ];

    /// <summary>The statuses <see cref="TransportFaultKind.Status"/> can answer.</summary>
    public static IReadOnlyList<int> Statuses { get; } = [401, 403, 404, 502, 503];

    /// <summary>The operation, one of <see cref="Operations"/>. <value>Default: ReverseReplicateGroup_Task.</value></summary>
    public string Operation { get; init; } = DefaultOperation;

    /// <summary>How the exchange breaks.</summary>
    public required TransportFaultKind Kind { get; init; }

    /// <summary>How many calls get the fault; <c>null</c> means every call.</summary>
    public int? Times { get; init; }

    /// <summary>The body size of <see cref="TransportFaultKind.Oversized"/>, 1 byte to 1 GiB. <value>Default: 20 MiB.</value></summary>
    public long SizeBytes { get; init; } = DefaultSizeBytes;

    /// <summary>The status of <see cref="TransportFaultKind.Status"/>, one of <see cref="Statuses"/>. <value>Default: 503.</value></summary>
    public int Status { get; init; } = DefaultStatus;

    /// <summary>The operation a request path calls: the method segment of an SMS or vim25 path, or RetrieveServiceContent for <c>ServiceInstance/ServiceInstance/content</c>; null for any other path.</summary>
    public static string? OperationOf(string path)
    {
        var parts = path.Split('?', 2)[0].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (parts.Length < 6 || parts[0] != "sdk" || parts[1] != "vim25")
        {
            return null;
        }

        return parts[^1] == "content" && parts[^2] == "ServiceInstance" ? "RetrieveServiceContent" : parts[^1];
    }

    /// <summary>Throws for an unknown operation, a count below 1, a size or status out of range.</summary>
    /// <exception cref="ArgumentException">The entry is invalid.</exception>
    public static void Validate(IReadOnlyList<SimulatedTransportFault> faults)
    {
        foreach (var fault in faults)
        {
            if (!Operations.Contains(fault.Operation, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Cannot break the exchange of '{fault.Operation}'; use one of {string.Join(", ", Operations)}.", nameof(faults));
            }

            if (!Enum.IsDefined(fault.Kind))
            {
                throw new ArgumentException($"'{fault.Kind}' is not a transport fault kind.", nameof(faults));
            }

            if (fault.Times is < 1)
            {
                throw new ArgumentException($"Times must be at least 1 (or null for every call), not {fault.Times}.", nameof(faults));
            }

            if (fault.SizeBytes is < 1 or > MaxSizeBytes)
            {
                throw new ArgumentException($"SizeBytes must be between 1 and {MaxSizeBytes}, not {fault.SizeBytes}.", nameof(faults));
            }

            if (!Statuses.Contains(fault.Status))
            {
                throw new ArgumentException($"Status must be one of {string.Join(", ", Statuses)}, not {fault.Status}.", nameof(faults));
            }
        }
    }
}
