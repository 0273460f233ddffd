using Conformance.Targets;
using Harness.Client;
using Harness.Reporting;

namespace Conformance.Checks;

/// <summary>
/// What a check runs in: the target, a client whose every exchange lands in the current step, and the ways to stop
/// (<see cref="Fail(Defect, string, string, ProviderCall?)"/>, <see cref="Require"/>, <see cref="NotExercised"/>, <see cref="Broken"/>, <see cref="NotApplicable"/>). Like csi-test's By(...),
/// steps narrate the check. A method that fell silent earlier in the run is not called again: the client stops the
/// check as Inconclusive instead of waiting for the call timeout once more (<see cref="FailFast"/>).
/// </summary>
internal sealed class CheckScope
{
    private readonly Stack<CheckStep> open;
    private readonly List<string> notes;
    private readonly object gate;
    private readonly CheckScope? parent;

    /// <summary>Creates a scope; its leases are held by <paramref name="holder"/> (a new holder inside the flow's current one when null).</summary>
    public CheckScope(ConformanceTarget target, string? name = null, LeaseHolder? holder = null)
    {
        this.Holder = holder ?? new LeaseHolder(LeaseHolder.Current, name);
        this.open = new();
        this.notes = [];
        this.gate = new();
        this.Name = name;
        this.Target = target;
        this.Touches = new();
        this.Client = target.Client.WithObserver(this.Record).WithGate(this.StopIfSilent);
        this.Root = new CheckStep("check", DateTimeOffset.UtcNow);
        this.open.Push(this.Root);
    }

    private CheckScope(CheckScope parent, ConformanceTarget site)
    {
        this.parent = parent;
        this.open = parent.open;
        this.notes = parent.notes;
        this.gate = parent.gate;
        this.heldSlots = parent.heldSlots;
        this.Holder = parent.Holder;
        this.Name = parent.Name;
        this.Target = site;
        this.Touches = parent.Touches;
        this.Client = site.Client.WithObserver(this.Record).WithGate(this.StopIfSilent);
        this.Root = parent.Root;
    }

    /// <summary>
    /// The same check at another site (the peer's <see cref="ConformanceTarget.PeerSide"/>): its steps, notes and
    /// exchanges land in this check; its calls go to that site's provider, under that site's allowlist.
    /// </summary>
    public CheckScope At(ConformanceTarget site) => ReferenceEquals(site, this.Target) ? this : new CheckScope(this.parent ?? this, site);

    /// <summary>The provider under test.</summary>
    public ConformanceTarget Target { get; }

    /// <summary>The site the check runs at (its scope at another site calls <see cref="Target"/> there).</summary>
    public ConformanceTarget Home => this.parent?.Target ?? this.Target;

    /// <summary>The pairs the check changed, as it found them (restored when it ends; shared by its scopes at both sites).</summary>
    public Restore.CheckTouches Touches { get; }

    /// <summary>The check's name, when it runs as a named check (for the journal).</summary>
    public string? Name { get; }

    /// <summary>The client; its exchanges are recorded in the current step.</summary>
    public SmsClient Client { get; }

    /// <summary>Another client (e.g. one without a session) under the same rule: a method that fell silent earlier is not called again, and a call of it that times out is remembered.</summary>
    public SmsClient Watch(SmsClient client) => client.WithObserver(this.NoteSilence).WithGate(this.StopIfSilent);

    /// <summary>Stops the check as Inconclusive when <paramref name="operation"/> did not answer within the call timeout earlier in the run.</summary>
    public void StopIfSilent(string operation)
    {
        if (this.Target.FailFast.SilenceOf(operation) is { } silence)
        {
            throw new CheckStopped(CheckOutcome.Inconclusive, silence.Describe());
        }
    }

    /// <summary>Task slots this check holds: task moId → the site's slots it came from (see <see cref="Targets.ConformanceTarget.TaskSlots"/>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> heldSlots = new(StringComparer.Ordinal);

    /// <summary>Keeps the slot taken for a call that started this task until the task ends.</summary>
    public void HoldSlot(string taskId)
    {
        if (!this.heldSlots.TryAdd(taskId, this.Target.TaskSlots))
        {
            this.Target.TaskSlots.Release();
        }
    }

    /// <summary>Gives back the slot of a task that ended.</summary>
    public void ReleaseSlot(string taskId)
    {
        if (this.heldSlots.TryRemove(taskId, out var slots))
        {
            // A scope at another site shares these: the slot goes back to the site that gave it.
            slots.Release();
        }
    }

    /// <summary>Waits (within the task timeout) for the tasks this check started and has not seen end, so nothing of its own is still moving when it restores.</summary>
    public async Task FinishOwnTasksAsync()
    {
        foreach (var (task, slots) in this.heldSlots.ToList())
        {
            var at = ReferenceEquals(slots, this.Home.TaskSlots) || this.Home.PeerSide is not { } peer ? this.Home : peer;
            var wait = await at.Waiter.WaitAsync(at.Client, Harness.Wire.ManagedObjectReference.Of("SmsTask", task), this.Target.Stopping).ConfigureAwait(false);
            if (wait.Final is not null)
            {
                at.OpenTasks.TryRemove(task, out _);
                this.ReleaseSlot(task);
            }
        }
    }

    /// <summary>Gives back every slot still held (at the end of the check).</summary>
    public void ReleaseAllSlots()
    {
        foreach (var id in this.heldSlots.Keys)
        {
            this.ReleaseSlot(id);
        }
    }

    /// <summary>Who holds this check's group leases (the same at every site of the check).</summary>
    public LeaseHolder Holder { get; }

    /// <summary>Whether this check may use <paramref name="group"/> of its site: no other check holds it.</summary>
    public bool MayUse(Harness.Wire.ReplicationGroupId group) => this.Target.Leases.IsFreeFor(this.Holder, this.Target.LeaseKey(group));

    /// <summary>Leases <paramref name="group"/> of this site, and <paramref name="twin"/> of <paramref name="twinSite"/> when named, to this check until it ends; false (nothing leased) when another check holds one of them.</summary>
    public bool TryLease(Harness.Wire.ReplicationGroupId group, ConformanceTarget? twinSite = null, Harness.Wire.ReplicationGroupId? twin = null)
    {
        var keys = new List<string> { this.Target.LeaseKey(group) };
        if (twinSite is not null && twin is not null)
        {
            keys.Add(twinSite.LeaseKey(twin));
        }

        return this.Target.Leases.TryLease(this.Holder, keys);
    }

    /// <summary>Gives back every group this check leased (at its end).</summary>
    public void ReleaseLeases() => this.Target.Leases.Release(this.Holder);

    /// <summary>The notes so far.</summary>
    public IReadOnlyList<string> Notes => this.notes;

    /// <summary>The top-level steps.</summary>
    public IReadOnlyList<CheckStep> Steps => this.Root.Children;

    private CheckStep Root { get; }

    private CheckStep Current
    {
        get
        {
            lock (this.gate)
            {
                return this.open.Peek();
            }
        }
    }

    /// <summary>Runs a named step.</summary>
    public async Task<T> StepAsync<T>(string name, Func<Task<T>> body)
    {
        var step = new CheckStep(name, DateTimeOffset.UtcNow);
        lock (this.gate)
        {
            this.open.Peek().Children.Add(step);
            this.open.Push(step);
        }

        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CheckStopped stop)
        {
            step.Outcome = stop.Outcome;
            step.Message = stop.Message;
            if (stop.Failure is { } failure && !stop.EvidenceTaken)
            {
                // The innermost failed step carries the exchange that shows the violation: the one the failure names, else its own last one, else the check's.
                stop.EvidenceTaken = true;
                if ((failure.Evidence ?? step.Calls.LastOrDefault() ?? this.LastCall) is { } evidence)
                {
                    step.Evidence = evidence;
                    stop.Failure = failure with { Evidence = evidence };
                }
            }

            throw;
        }
        catch (Exception ex)
        {
            step.Outcome = CheckOutcome.Broken;
            step.Message = ex.Message;
            throw;
        }
        finally
        {
            step.Stop = DateTimeOffset.UtcNow;
            lock (this.gate)
            {
                this.open.Pop();
            }
        }
    }

    /// <summary>Runs a named step without a value.</summary>
    public Task StepAsync(string name, Func<Task> body) => this.StepAsync<bool>(name, async () =>
    {
        await body().ConfigureAwait(false);
        return true;
    });

    /// <summary>Runs a named synchronous step (a verification).</summary>
    public void Step(string name, Action body) => this.StepAsync<bool>(name, () =>
    {
        body();
        return Task.FromResult(true);
    }).GetAwaiter().GetResult();

    /// <summary>Wrong behaviour: stops the check as Failed, reading "&lt;prefix&gt; expected …; observed …".</summary>
    /// <param name="defect">The kind of contract broken (its prefix is what the report's categories match on).</param>
    /// <param name="expected">What the clause requires, e.g. <c>InvalidArgument (HTTP 500 with a MethodFault body)</c>.</param>
    /// <param name="observed">What the provider did instead, e.g. <c>HTTP 200 with a MoRef SmsTask:sms-task-2</c>.</param>
    /// <param name="evidence">The exchange that shows it, when the failing step did not make it (else the step's own last exchange, then the check's, is named).</param>
    public void Fail(Defect defect, string expected, string observed, ProviderCall? evidence = null) =>
        this.Fail(new Failure(defect, expected, observed) { Evidence = evidence });

    /// <summary>Wrong behaviour: stops the check as Failed with <paramref name="failure"/>.</summary>
    public void Fail(Failure failure) => throw new CheckStopped(failure);

    /// <summary>Fails unless <paramref name="condition"/> holds (see <see cref="Fail(Defect, string, string, ProviderCall?)"/>).</summary>
    public void Expect(bool condition, Defect defect, string expected, string observed, ProviderCall? evidence = null)
    {
        if (!condition)
        {
            this.Fail(defect, expected, observed, evidence);
        }
    }

    /// <summary>The precondition could not be established: stops the check as Inconclusive.</summary>
    public void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new CheckStopped(CheckOutcome.Inconclusive, reason);
        }
    }

    /// <summary>The clause's trigger never arose in this run (e.g. a transient fault never raised): stops the check as NotExercised, neither pass nor fail.</summary>
    public void NotExercised(string reason) => throw new CheckStopped(CheckOutcome.NotExercised, reason);

    /// <summary>The harness or the infrastructure failed, or the suite could not do its own part (e.g. the provider refused or garbled one of the suite's reads): stops the check as Broken, naming the cause.</summary>
    public void Broken(string reason) => throw new CheckStopped(CheckOutcome.Broken, reason);

    /// <summary>The clause does not apply to this provider: stops the check as NotApplicable.</summary>
    public void NotApplicable(string reason) => throw new CheckStopped(CheckOutcome.NotApplicable, reason);

    /// <summary>Records an observation for the report (e.g. which reading of an unconfirmed point was seen).</summary>
    public void Note(string text)
    {
        lock (this.gate)
        {
            this.notes.Add(text);
        }
    }

    /// <summary>Attaches a text to the current step.</summary>
    public void Attach(string name, string contentType, string content) => this.Current.Attachments.Add((name, contentType, content));

    /// <summary>Copies a shared scenario's steps and notes into this check, under one step.</summary>
    public void Include(string name, IReadOnlyList<CheckStep> steps, IReadOnlyList<string> scenarioNotes)
    {
        var holder = new CheckStep(name, steps.FirstOrDefault()?.Start ?? DateTimeOffset.UtcNow) { Stop = steps.LastOrDefault()?.Stop ?? DateTimeOffset.UtcNow };
        holder.Children.AddRange(steps);
        lock (this.gate)
        {
            this.open.Peek().Children.Add(holder);
            this.notes.AddRange(scenarioNotes);
        }
    }

    private void NoteSilence(ProviderCall call)
    {
        if (call.TimedOut)
        {
            this.Target.FailFast.RecordSilent(new SilentMethod(call.Operation, this.Target.Client.Transport.CallTimeout, this.Name ?? "an unnamed check"));
        }
    }

    /// <summary>The check's most recent exchange, the evidence of a failure met in a step that made none (or outside any step).</summary>
    internal ProviderCall? LastCall { get; private set; }

    private void Record(ProviderCall call)
    {
        this.NoteSilence(call);
        this.Target.Latencies.GetOrAdd(call.Operation, _ => []).Add(call.Elapsed.TotalMilliseconds);

        // Calls may run concurrently (the concurrency check); the step list is guarded.
        lock (this.gate)
        {
            this.open.Peek().Calls.Add(call);
            this.LastCall = call;
            if (this.parent is not null)
            {
                this.parent.LastCall = call;
            }
        }
    }
}
