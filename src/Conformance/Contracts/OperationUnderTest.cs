using Conformance.Operations;

namespace Conformance.Contracts;

/// <summary>
/// One operation as the shared contracts judge it: its description, its clauses, the unconfirmed points as it
/// documents them, and its shared scenarios. An operation's catalogue builds one and hands it to each contract.
/// </summary>
/// <param name="Operation">What the operation is (name, argument, faults, results, precondition, site).</param>
/// <param name="Clauses">The clauses its contracts check, with its own ids.</param>
/// <param name="Readings">The unconfirmed points its contracts meet.</param>
/// <param name="Scenarios">Its shared scenarios, which the contracts read.</param>
internal sealed record OperationUnderTest(OperationDescription Operation, ContractClauses Clauses, ContractReadings Readings, OperationScenarios Scenarios)
{
    /// <summary>The wire method name: every check's feature.</summary>
    public string Name => this.Operation.Name;
}
