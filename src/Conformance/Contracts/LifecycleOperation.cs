using Conformance.Checks;
using Conformance.Operations;

namespace Conformance.Contracts;

/// <summary>
/// A state-changing lifecycle operation assembled from its description: the standard clauses
/// (<see cref="ContractClauses.For"/>), the lifecycle clauses (<see cref="LifecycleClauses.For"/>), the unconfirmed
/// points (<see cref="ContractReadings"/>), the generic scenarios, and the checks of every shared contract plus its
/// own. An operation's folder holds only its catalogue (prefix, its own clauses and checks).
/// </summary>
internal sealed class LifecycleOperation
{
    private readonly Lazy<IReadOnlyList<Check>> checks;

    /// <summary>Assembles the operation; <paramref name="own"/> builds the checks only it has, from its subject.</summary>
    public LifecycleOperation(OperationDescription operation, string prefix, OperationScenarios scenarios, IReadOnlyList<Clause> ownClauses, Func<OperationUnderTest, IReadOnlyList<Check>> own, ClauseLevel peerLevel = ClauseLevel.Should)
    {
        this.Operation = operation;
        this.Contract = ContractClauses.For(operation, prefix);
        this.Lifecycle = LifecycleClauses.For(operation, prefix, peerLevel);
        this.OwnClauses = ownClauses;
        var c = this.Contract;
        var hasResults = operation.ResultTypes.Count > 0;
        this.Points =
        [
            ContractReadings.GroupErrorPoint(operation, hasResults ? [this.Lifecycle.WrongSite, this.Lifecycle.WrongState, c.SplitAfterTooMany, c.Duplicates] : [this.Lifecycle.WrongSite, this.Lifecycle.WrongState, c.SplitAfterTooMany], "simulator.perGroupErrors = \"groupErrorResult\" (default), \"taskError\" or \"wholeCallFault\""),
            ContractReadings.TaskTypePoint([c.TaskMoRef]),
            ContractReadings.ResultBoxingPoint(hasResults ? [c.TaskResultType, c.OneResultPerGroup, c.TaskResultQuery] : [c.TaskResultType, c.TaskResultQuery]),
            ContractReadings.ResultQueryPoint([c.TaskResultQuery]),
            ContractReadings.MalformedFaultPoint(operation, [c.MalformedArgument, c.WellFormedFaults], "simulator.requestShapeFault = \"InvalidRequest\" (default) or \"InvalidArgument\""),
            ContractReadings.NoSessionPoint([c.Session]),
        ];
        this.Subject = new OperationUnderTest(operation, c, new ContractReadings(this.Points[0], this.Points[1], this.Points[2], this.Points[3], this.Points[4], this.Points[5]), scenarios);
        this.checks = new(() => this.Build(own(this.Subject)));
    }

    /// <summary>The operation.</summary>
    public OperationDescription Operation { get; }

    /// <summary>The standard clauses.</summary>
    public ContractClauses Contract { get; }

    /// <summary>The lifecycle clauses.</summary>
    public LifecycleClauses Lifecycle { get; }

    /// <summary>Clauses only this operation has.</summary>
    public IReadOnlyList<Clause> OwnClauses { get; }

    /// <summary>The unconfirmed points its checks meet.</summary>
    public IReadOnlyList<UnconfirmedPoint> Points { get; }

    /// <summary>The operation as the shared contracts judge it.</summary>
    public OperationUnderTest Subject { get; }

    /// <summary>Every check.</summary>
    public IReadOnlyList<Check> Checks => this.checks.Value;

    /// <summary>Every clause a check covers, in report order (the standard ones a void result leaves out are not listed).</summary>
    public IReadOnlyList<Clause> Clauses
    {
        get
        {
            var covered = this.Checks.SelectMany(k => k.Clauses).ToHashSet();
            return [.. this.Contract.All.Where(covered.Contains), .. this.Lifecycle.All, .. this.OwnClauses];
        }
    }

    /// <summary>The catalogue.</summary>
    public Catalogue Catalogue => new(this.Operation.Name, this.Clauses, this.Checks) { Unconfirmed = this.Points };

    private List<Check> Build(IReadOnlyList<Check> own)
    {
        var input = new InputContract(this.Subject);
        var faults = new FaultContract(this.Subject);
        var task = new TaskContract(this.Subject);
        var results = new ResultContract(this.Subject);
        var lifecycle = new LifecycleContract(this.Subject, this.Lifecycle);
        var hasResults = this.Operation.ResultTypes.Count > 0;
        return
        [
            .. input.MissingGroups,
            input.Malformed,
            faults.NotImplemented,
            .. task.Checks,
            .. hasResults ? new[] { results.OnePerGroup, results.ErrorListsNotEmpty, results.AlreadyDoneAsWarning, results.Duplicates } : [],
            .. lifecycle.Checks,
            .. own,
            input.TooMany,
            input.Split,
            .. new PropertyContract(this.Subject).Checks,
            .. new SessionContract(this.Subject).Checks,
            faults.Envelope,
            faults.Declared,
            faults.WellFormed,
            .. faults.Transient,
        ];
    }
}
