using Conformance.Checks;
using Conformance.Operations.ReadOnlyTier;

namespace Conformance.Operations.QueryProviderInfo;

/// <summary>The bodies of the QueryProviderInfo checks; each asks the provider again (a read).</summary>
internal static class QueryProviderInfoChecks
{
    /// <summary>QPI-1.</summary>
    public static async Task ReturnsVasaProviderInfo(CheckScope s)
    {
        var r = await s.StepAsync("Call QueryProviderInfo", () => ProviderCalls.CallAsync(s, QueryProviderInfoCatalogue.Feature, () => s.Client.QueryProviderInfoAsync(s.Target.Provider))).ConfigureAwait(false);
        s.Step("Expect a VasaProviderInfo", () =>
        {
            ReadOnlyReads.ExpectValue(s, r, "a VasaProviderInfo");
            s.Expect(r.Value is Harness.Wire.Provider.VasaProviderInfo, Defect.Result, "a VasaProviderInfo", r.Value?.TypeName ?? "no object", r.Call);
        });
    }

    /// <summary>QPI-3.</summary>
    public static async Task MaxBatchSizeNotNegative(CheckScope s)
    {
        var r = await s.StepAsync("Call QueryProviderInfo", () => ProviderCalls.CallAsync(s, QueryProviderInfoCatalogue.Feature, () => s.Client.QueryProviderInfoAsync(s.Target.Provider))).ConfigureAwait(false);
        s.Require(r.Value is Harness.Wire.Provider.VasaProviderInfo, $"QueryProviderInfo did not return a VasaProviderInfo ({r.Describe()}), so maxBatchSize cannot be read");
        var info = (Harness.Wire.Provider.VasaProviderInfo)r.Value!;
        s.Step("Expect maxBatchSize unset or at least 0", () =>
        {
            s.Expect(info.MaxBatchSize is null or >= 0, Defect.Capability, "maxBatchSize unset or at least 0", $"maxBatchSize {info.MaxBatchSize}", r.Call);
            s.Note($"maxBatchSize: {info.MaxBatchSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}");
        });
    }
}
