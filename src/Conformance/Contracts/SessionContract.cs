using Conformance.Checks;
using Harness.Client;

namespace Conformance.Contracts;

/// <summary>The session contract of an operation: a call without a session is refused.</summary>
internal sealed class SessionContract
{
    private readonly OperationUnderTest op;

    /// <summary>Builds the contract's check for <paramref name="op"/>.</summary>
    public SessionContract(OperationUnderTest op)
    {
        this.op = op;
        this.WithoutSession = new("A_call_without_a_session_is_refused", op.Clauses.Session, op.Name, this.CallWithoutSessionIsRefusedAsync);
    }

    /// <summary>A call without a session is refused: NotAuthenticated is expected; any NoPermission fault or HTTP 401/403 is accepted (unconfirmed, reference §1.5).</summary>
    public Check WithoutSession { get; }

    /// <summary>Every check of the contract.</summary>
    public IReadOnlyList<Check> Checks => [this.WithoutSession];

    private async Task CallWithoutSessionIsRefusedAsync(CheckScope s)
    {
        var name = this.op.Name;
        var send = this.op.Operation.RequireSend();
        var group = s.Target.NonexistentGroup("nosession");
        var anonymous = s.Watch(s.Target.CreateUnauthenticatedClient());
        var result = await s.StepAsync($"Call {name} without vmware-api-session-id, for made-up group {group}", async () =>
        {
            var r = await send(anonymous, s.Target.Provider, [group]).ConfigureAwait(false);
            s.Attach("exchange without a session", "application/json", r.Call.ToJson());
            s.Target.Journal.Add($"{name} (no session)", [group], r.Describe(), s.Name);
            return r;
        }).ConfigureAwait(false);

        s.Step("Expect the call to be refused", () =>
        {
            if (result.Kind == OutcomeKind.Fault && result.Fault!.IsA("NoPermission"))
            {
                this.op.Readings.NoSession.Note(s, "noPermissionFault", $"unauthenticated call answered with HTTP 500 {result.FaultName} (NotAuthenticated is the expected one)");
                return;
            }

            if (result.Call.Status is 401 or 403)
            {
                this.op.Readings.NoSession.Note(s, "httpStatus", $"unauthenticated call answered with HTTP {result.Call.Status} (the JSON API documents a NotAuthenticated fault)");
                return;
            }

            s.Expect(result.Kind != OutcomeKind.TransportError, Defect.WrongFault, "NotAuthenticated for a call without a session", $"no usable answer ({result.Problem})", result.Call);
            s.Fail(Defect.WrongFault, "a call without a session refused with NotAuthenticated (HTTP 500)", $"the call served: {result.Describe()}", result.Call);
        });
    }
}
