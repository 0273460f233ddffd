using Harness.Client;
using Harness.Wire.Faults;

namespace Conformance.Targets;

/// <summary>One fault answer seen from the operation under test: which check saw it, the fault, and the exchange.</summary>
internal sealed record FaultSighting(string Operation, MethodFault Fault, ProviderCall Call, string Reaction);
