#!/usr/bin/env bash
# VASA provider conformance: build the suite, run it against a profile (default: the embedded simulator),
# render the Allure HTML report, print the verdict.
#
# Exit codes: 0 conformant (warnings and clauses not exercised are listed), 1 not conformant (a MUST failed, or a
#             warning with --strict), 2 bad usage / bad profile / missing credential, 3 provider unreachable or login
#             refused, 4 the harness itself failed (build, crash, report), 5 incomplete (a MUST clause left unverified),
#             130 interrupted (SIGINT or SIGTERM: Ctrl-C, `timeout`, a CI job's timeout or cancel).
set -uo pipefail

usage() {
  cat <<'USAGE'
usage: ./run.sh [--profile FILE] [--baseline FILE] [--filter EXPR] [--strict] [--no-report] [--dry-run]
       ./run.sh bench       the performance figures (suite time, client and simulator overhead, scaling,
                            property rate); prints a table, writes out/bench.json
       ./run.sh mutants     the mutant matrix: every check against the faithful simulator and every mutant;
                            prints the catch rate and what each check kills, writes out/mutants.json
       ./run.sh restore [--profile FILE] [--journal FILE] [--dry-run]
                            reads the journal of an earlier run (default out/journal.json), interrupted, killed
                            or stopped by a failed restore, and brings every pair it changed back to the state and
                            orientation that run found it in; safe to run twice; --dry-run prints the calls only

  --profile FILE   the provider to test (default: profiles/simulator.json, the embedded simulator);
                   also VASA_PROFILE. See profiles/example-vcenter.json for a real vCenter.
  --baseline FILE  known failures ({"knownFailures":[{"check"|"clause","reason","expires"}]}): listed failures
                   do not fail the gate; a listed one that passes or has expired fails it ("stale baseline").
                   "acceptedUnverified" (same fields) lists MUST clauses that may stay unverified (else INCOMPLETE).
                   Also VASA_BASELINE, or "baseline" in the profile.
  --filter EXPR    run only matching checks (dotnet test --filter syntax, e.g. "Name~TooMany");
                   a filter that selects no check fails the run (exit 2)
  --strict         warnings (failed SHOULD clauses) fail the gate too (also VASA_STRICT=1, or "strict": true
                   in the profile)
  --no-report      skip the HTML report
  --dry-run        list every state-changing call the run would make, with its groups, and send none (it only
                   reads the provider, then rehearses the run against a simulated mirror of what it read)
  -h, --help       this text

Outputs go to out/ (or VASA_OUT): summary.json, junit.xml, conformance.sarif, traceability.md,
allure-results/, report/index.html, journal.json,
test-output.log. VASA_SEED replays a property-test seed.
USAGE
}

profile="${VASA_PROFILE:-}"
filter=""
baseline="${VASA_BASELINE:-}"
strict="${VASA_STRICT:-}"
report=1
command="suite"
journal=""
restore_dry=""
if [[ "${1:-}" == "mutants" || "${1:-}" == "bench" || "${1:-}" == "restore" ]]; then command="$1"; shift; fi
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) [[ $# -ge 2 ]] || { echo "run.sh: --profile needs a file (see ./run.sh --help)" >&2; exit 2; }; profile="$2"; shift 2 ;;
    --profile=*) profile="${1#--profile=}"; shift ;;
    --baseline) [[ $# -ge 2 ]] || { echo "run.sh: --baseline needs a file (see ./run.sh --help)" >&2; exit 2; }; baseline="$2"; shift 2 ;;
    --baseline=*) baseline="${1#--baseline=}"; shift ;;
    --filter) [[ $# -ge 2 ]] || { echo "run.sh: --filter needs an expression (see ./run.sh --help)" >&2; exit 2; }; filter="$2"; shift 2 ;;
    --filter=*) filter="${1#--filter=}"; shift ;;
    --no-report) report=0; shift ;;
    --strict) strict=1; shift ;;
    --dry-run) if [[ "$command" == "restore" ]]; then restore_dry=1; else command="dry-run"; fi; shift ;;
    --journal) [[ "$command" == "restore" && $# -ge 2 ]] || { echo "run.sh: --journal FILE belongs to ./run.sh restore (see ./run.sh --help)" >&2; exit 2; }; journal="$(realpath "$2")"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see ./run.sh --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
profile="${profile:-profiles/simulator.json}"
if [[ ! -f "$profile" && -f "$root/$profile" ]]; then profile="$root/$profile"; fi
if [[ ! -f "$profile" ]]; then
  echo "run.sh: profile not found: $profile (copy profiles/example-vcenter.json and edit it)" >&2
  exit 2
fi
profile="$(realpath "$profile")"
if [[ -n "$baseline" ]]; then
  [[ -f "$baseline" ]] || { echo "run.sh: baseline file not found: $baseline" >&2; exit 2; }
  baseline="$(realpath "$baseline")"
fi
cd "$root"
out="${VASA_OUT:-$root/out}"
mkdir -p "$out"
out="$(realpath "$out")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: dotnet not found: install the .NET 10 SDK" >&2
  exit 4
fi

# Signals. A CI job's timeout or cancel, `timeout` and Ctrl-C send SIGTERM or SIGINT to this script, usually to its
# whole process group or tree, with SIGKILL a few seconds later. Whatever the step, the script ends promptly with
# exit 130 and the verdict line; during the suite, the run is stopped and still writes summary.json, junit.xml,
# conformance.sarif and journal.json first (see the suite below).
now_ms() { if [[ -n "${EPOCHREALTIME:-}" ]]; then local t="${EPOCHREALTIME//[!0-9]/}"; echo $((10#$t / 1000)); else date +%s%3N; fi; }
signalled=""  # the first signal this script received (INT or TERM)
step_pid=""   # the build or check in progress before the suite
suite_pid=""  # the suite's session and process group (test driver, vstest.console, test host) while it runs
stop_at=""    # when the suite was asked to stop (ms)
stop_suite() { # stop_suite <why>: asks the test host to stop the run cleanly (the stop file) and write its files
  [[ -n "$stop_at" ]] && return
  stop_at="$(now_ms)"
  touch "$out/.stop"
  echo "  $1: stopping the run, then writing the report (Ctrl-C again to kill it)" >&2
}
on_signal() { # on_signal <INT|TERM>
  signalled="${signalled:-$1}"
  if [[ -n "$suite_pid" ]]; then
    if [[ -z "$stop_at" ]]; then
      stop_suite "SIG$1"
    elif [[ -f "$out/summary.json" ]] || (( $(now_ms) - stop_at > 3000 )); then
      # Again, once the run had its chance to write its files (CI often sends SIGINT and SIGTERM together): kill it.
      kill -KILL -- "-$suite_pid" 2>/dev/null
    fi
  elif [[ -n "$step_pid" ]]; then
    kill -TERM "$step_pid" 2>/dev/null
  fi
}
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
step() { # step <command...>: runs a step before the suite in the background, so that a signal ends it at once
  "$@" &
  step_pid=$!
  local rc
  while :; do
    wait "$step_pid"
    rc=$?
    if (( rc > 128 )) && kill -0 "$step_pid" 2>/dev/null; then continue; fi # a trap interrupted the wait
    step_pid=""
    return "$rc"
  done
}
stop_if_signalled() { # before the suite: nothing was sent to the provider
  if [[ -n "$signalled" ]]; then
    echo
    echo "Verdict: INTERRUPTED — SIG$signalled before the suite ran; nothing was sent to the provider (exit 130)"
    exit 130
  fi
}

echo "==> Building the suite (log: $out/build.log)"
step dotnet build src/Conformance/Conformance.csproj -c Release -nologo -v quiet >"$out/build.log" 2>&1
build_rc=$?
stop_if_signalled
if [[ $build_rc -ne 0 ]]; then
  grep -E "error" "$out/build.log" | sort -u | head -20 >&2
  echo "run.sh: the build failed; see $out/build.log" >&2
  exit 4
fi
cli=(dotnet "$root/src/Conformance/bin/Release/net10.0/Conformance.dll")

if [[ "$command" == "mutants" || "$command" == "bench" ]]; then
  trap - INT TERM # these end on a signal by themselves
  VASA_OUT="$out" "${cli[@]}" "$command"
  exit $?
fi
if [[ "$command" == "restore" ]]; then
  trap - INT TERM
  args=(restore "$profile")
  [[ -n "$journal" ]] && args+=(--journal "$journal")
  [[ -n "$restore_dry" ]] && args+=(--dry-run)
  VASA_OUT="$out" "${cli[@]}" "${args[@]}"
  exit $?
fi
if [[ "$command" == "dry-run" ]]; then
  trap - INT TERM
  VASA_OUT="$out" "${cli[@]}" dry-run "$profile"
  exit $?
fi

step "${cli[@]}" validate "$profile"
rc=$?
stop_if_signalled
if [[ $rc -ne 0 ]]; then exit "$rc"; fi

echo "==> Running the conformance suite (log: $out/test-output.log)"
rm -rf "$out/allure-results" "$out/summary.json" "$out/junit.xml" "$out/conformance.sarif" "$out/journal.json"
test_args=(test src/Conformance/Conformance.csproj -c Release --no-build --nologo --logger "console;verbosity=normal")
if [[ -n "$filter" ]]; then test_args+=(--filter "$filter"); fi
# NUnit runs as many checks at once as it has workers (by default one per core). Against a real provider, checks on
# disjoint groups run together up to 4 × maxConcurrentTasks (tasks in flight stay within maxConcurrentTasks); the
# embedded simulator's lanes bound it there. Enough workers for both:
test_args+=(-- NUnit.NumberOfTestWorkers=16)
# The suite prints one "[vasa]" line per check as it goes; everything else goes to the log only.
# It runs in its own session, out of this script's process group, so a signal to the group (Ctrl-C, `timeout`, a CI
# timeout or cancel) reaches only this script, which asks the suite to stop cleanly (the stop file): the checks in
# flight end at once and are reported inconclusive ("interrupted"), the rest as not run, tasks still in flight are
# listed, and summary.json, junit.xml, conformance.sarif and journal.json are written within a few seconds. A signal
# that reaches the test host itself (a CI runner signalling the whole process tree) does the same from inside it.
# A second Ctrl-C kills the suite. The script waits for the test host too (it may outlive the test driver), at most
# a few seconds once stopped, so that `timeout -k 10` finds the files written and the verdict printed.
rm -f "$out/.stop"
: >"$out/test-output.log"
VASA_PROFILE="$profile" VASA_OUT="$out" VASA_BASELINE="$baseline" VASA_FILTER="$filter" VASA_STRICT="$strict" setsid dotnet "${test_args[@]}" >"$out/test-output.log" 2>&1 &
suite_pid=$!
# The console echo ignores the signals, so that it shows the checks ending after a stop.
( trap '' INT TERM; tail -s 0.2 -n +1 -f --pid="$suite_pid" "$out/test-output.log" | sed -un 's/^[[:space:]]*\[vasa\] /  /p' ) &
tail_pid=$!
# The driver, or anything else still running in its session (setsid makes it a moment after the start). Orphans that
# died are zombies until init reaps them, which some containers' init does late: they do not count.
suite_alive() {
  kill -0 "$suite_pid" 2>/dev/null && return 0
  if command -v ps >/dev/null 2>&1; then ps -o stat= -s "$suite_pid" 2>/dev/null | grep -q '^[^Z]'; else kill -0 -- "-$suite_pid" 2>/dev/null; fi
}
host_alive() { pgrep -s "$suite_pid" -f "vstest.console|testhost" >/dev/null 2>&1; }
summary_at=""
while suite_alive; do
  if ! kill -0 "$suite_pid" 2>/dev/null; then
    # The test driver has ended (the test host ends before it, unless the driver was signalled or killed).
    host_alive || break
    stop_suite "the test driver has ended"
  fi
  if [[ -n "$stop_at" ]]; then
    if [[ -f "$out/summary.json" ]]; then
      summary_at="${summary_at:-$(now_ms)}"
      # The files are written; give the test host a moment to end on its own.
      (( $(now_ms) - summary_at >= 3000 )) && break
    elif (( $(now_ms) - stop_at >= 7000 )); then
      break
    fi
  fi
  sleep 0.1 &
  wait $! 2>/dev/null
done
if [[ -n "$stop_at" ]] && suite_alive; then
  kill -KILL -- "-$suite_pid" 2>/dev/null
  for _ in 1 2 3 4 5 6 7 8 9 10; do suite_alive || break; sleep 0.1; done
fi
wait "$tail_pid" 2>/dev/null
suite_pid=""
rm -f "$out/.stop"

if [[ ! -f "$out/summary.json" ]] && grep -q "No test matches the given testcase filter" "$out/test-output.log"; then
  echo "run.sh: the filter '$filter' selected no check; see the check names in docs/clauses.md" >&2
  exit 2
fi

if [[ -n "$signalled" && ! -f "$out/summary.json" ]]; then
  # Signalled while the test driver was starting: the test host never ran, so nothing was sent to the provider.
  echo
  echo "Verdict: INTERRUPTED — SIG$signalled before the suite wrote any result; see $out/test-output.log (exit 130)"
  exit 130
fi

report_rc=0
if [[ $report -eq 1 && -z "$signalled" && -d "$out/allure-results" ]]; then
  echo "==> Rendering the report"
  if [[ ! -f node_modules/allure/package.json ]]; then
    if ! npm ci --no-audit --no-fund --loglevel=error >"$out/npm.log" 2>&1; then
      echo "run.sh: npm ci failed (the pinned Allure CLI); see $out/npm.log" >&2
      report_rc=4
    fi
  fi
  if [[ $report_rc -eq 0 ]]; then
    if scripts/render-report.sh "$out/allure-results" "$out/report" 2>"$out/report.log" | sed 's/^/  /'; then
      [[ ${PIPESTATUS[0]} -eq 0 ]] || report_rc=4
    else
      report_rc=4
    fi
    if [[ $report_rc -ne 0 ]]; then echo "run.sh: the report could not be rendered; see $out/report.log" >&2; fi
  fi
fi

"${cli[@]}" verdict "$out/summary.json"
rc=$?
if [[ $rc -eq 0 && $report_rc -ne 0 ]]; then rc=$report_rc; fi
# Signalled: the job is being cancelled or timed out; the report was skipped and the exit code says so.
if [[ -n "$signalled" ]]; then rc=130; fi
exit "$rc"
