using System.Runtime.InteropServices;

namespace Conformance.Run;

/// <summary>
/// Stops a run cleanly whatever asks for it, and makes sure the run's files get written: SIGINT or SIGTERM reaching the
/// test host (a CI timeout or cancel signals the whole process group or tree; Ctrl-C when the suite runs directly),
/// run.sh's stop file, or the host exiting under the run (the test driver died, and the host follows it). A stop
/// cancels the run's <see cref="ConformanceRun.Interruption"/>, which ends every call and wait in flight at once, and
/// the tear-down writes the files as usual. Should they not be written <see cref="Grace"/> after the stop (a check that
/// does not end, NUnit not reaching the tear-down), they are written from here; a host that exits writes them before it
/// goes. So a SIGKILL that follows the signal a few seconds later finds them in place.
/// </summary>
internal sealed class RunInterruption : IDisposable
{
    /// <summary>The <see cref="Grace"/> of the suite: the tear-down normally writes the files well within it.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(1.5);

    private static readonly TimeSpan StopFilePoll = TimeSpan.FromMilliseconds(200);
    private readonly CancellationTokenSource interruption;
    private readonly Action<string> say;
    private readonly List<IDisposable> watchers = [];
    private readonly Timer finisher;
    private readonly CancellationTokenRegistration armed;
    private ConformanceRun? run;
    private int disposed;

    /// <summary>Watches for the host exiting; <see cref="WatchSignals"/> and <see cref="WatchStopFile"/> add the other sources.</summary>
    /// <param name="interruption">The run's interruption (also before the run exists: it is cancelled while connecting).</param>
    /// <param name="grace">How long after a stop the tear-down has to write the files before they are written from here.</param>
    /// <param name="say">Writes one progress line (the console).</param>
    public RunInterruption(CancellationTokenSource interruption, TimeSpan grace, Action<string> say)
    {
        this.interruption = interruption;
        this.Grace = grace;
        this.say = say;
        this.finisher = new Timer(_ => this.FinishNow("the checks in flight have not ended"), null, Timeout.Infinite, Timeout.Infinite);
        this.armed = interruption.Token.Register(() => this.Arm());
        AppDomain.CurrentDomain.ProcessExit += this.OnProcessExit;
    }

    /// <summary>How long after a stop the tear-down has to write the run's files before they are written from here.</summary>
    public TimeSpan Grace { get; }

    /// <summary>Stops the run on SIGINT and SIGTERM, and keeps the host alive to write its files (the signal does not end it).</summary>
    public void WatchSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            this.watchers.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                this.Stop($"{context.Signal} received");
            }));
        }
    }

    /// <summary>
    /// Stops the run when <paramref name="path"/> appears (run.sh creates it when it is signalled). run.sh removes it
    /// before it starts the suite, so one that is there already is a stop asked for while the host was starting; unless
    /// it is older than a minute, left by a run.sh that was killed.
    /// </summary>
    public void WatchStopFile(string path)
    {
        if (File.Exists(path) && File.GetLastWriteTimeUtc(path) < DateTime.UtcNow.AddMinutes(-1))
        {
            File.Delete(path);
        }

        this.watchers.Add(new Timer(
            _ =>
            {
                if (File.Exists(path))
                {
                    this.Stop("interrupted");
                }
            },
            null,
            TimeSpan.Zero,
            StopFilePoll));
    }

    /// <summary>The run whose files to write; a run interrupted while it was being built gets its grace from now.</summary>
    public void Attach(ConformanceRun run)
    {
        Volatile.Write(ref this.run, run);
        if (this.interruption.IsCancellationRequested)
        {
            this.Arm();
        }
    }

    /// <summary>Stops the run (once): every call and wait in flight ends, the checks not started are reported as not run.</summary>
    public void Stop(string why)
    {
        if (this.interruption.IsCancellationRequested)
        {
            return;
        }

        this.Say($"[vasa] {why}: ending the checks in flight, then writing the report");
        try
        {
            this.interruption.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run has ended and been disposed: nothing left to stop.
        }
        catch (AggregateException ex)
        {
            this.Say($"[vasa] stopping the run: {ex.InnerExceptions.Count} cancellation callback(s) failed: {ex.InnerException?.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref this.disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= this.OnProcessExit;
        this.armed.Dispose();
        foreach (var watcher in this.watchers)
        {
            watcher.Dispose();
        }

        this.finisher.Dispose();
    }

    private void Arm()
    {
        try
        {
            this.finisher.Change(this.Grace, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed by the tear-down, which writes the files itself.
        }
    }

    /// <summary>The host is exiting (Environment.Exit when its test driver has gone, or the runtime's own shutdown): the files are written before it goes.</summary>
    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Volatile.Read(ref this.run) is { Finished: true })
        {
            return;
        }

        // Exiting while the run is still being built (connecting): the stop ends the connection at once, so it comes.
        this.Stop("the test host is exiting");
        SpinWait.SpinUntil(() => Volatile.Read(ref this.run) is not null, TimeSpan.FromSeconds(2));
        this.FinishNow("the test host is exiting");
    }

    private void FinishNow(string why)
    {
        if (Volatile.Read(ref this.run) is not { Finished: false } run)
        {
            return;
        }

        this.Say($"[vasa] {why}: writing the report now");
        try
        {
            run.Finish();
            this.Say($"[vasa] {run.Summary.Verdict.Verdict} (exit {run.Summary.Verdict.ExitCode}): {run.Summary.Verdict.Reason}; summary in {Path.Combine(run.OutDirectory, "summary.json")}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            this.Say($"[vasa] the report could not be written: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private void Say(string line)
    {
        try
        {
            this.say(line);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The console has gone with the test driver: the files are what counts.
        }
    }
}
