#!/usr/bin/env bash
# VASA provider conformance: build the suite, run it against a profile (default: the embedded simulator),
# render the Allure HTML report, print the verdict.
#
# Exit codes: 0 conformant (warnings and clauses not exercised are listed), 1 not conformant (a MUST failed, or a
#             warning with --strict), 2 bad usage / bad profile / missing credential, 3 provider unreachable or login
#             refused, 4 the harness itself failed (build, crash, report), 5 incomplete (a MUST clause left unverified),
#             130 interrupted.
set -uo pipefail

usage() {
  cat <<'USAGE'
usage: ./run.sh [--profile FILE] [--baseline FILE] [--filter EXPR] [--strict] [--no-report] [--dry-run]
       ./run.sh bench       the performance figures (suite time, client and simulator overhead, scaling,
                            property rate); prints a table, writes out/bench.json
       ./run.sh mutants     the mutant matrix: every check against the faithful simulator and every mutant;
                            prints the catch rate and what each check kills, writes out/mutants.json

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
if [[ "${1:-}" == "mutants" || "${1:-}" == "bench" ]]; then command="$1"; shift; fi
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
    --dry-run) command="dry-run"; shift ;;
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

echo "==> Building the suite (log: $out/build.log)"
if ! dotnet build src/Conformance/Conformance.csproj -c Release -nologo -v quiet >"$out/build.log" 2>&1; then
  grep -E "error" "$out/build.log" | sort -u | head -20 >&2
  echo "run.sh: the build failed; see $out/build.log" >&2
  exit 4
fi
cli=(dotnet "$root/src/Conformance/bin/Release/net10.0/Conformance.dll")

if [[ "$command" == "mutants" || "$command" == "bench" ]]; then
  VASA_OUT="$out" "${cli[@]}" "$command"
  exit $?
fi
if [[ "$command" == "dry-run" ]]; then
  VASA_OUT="$out" "${cli[@]}" dry-run "$profile"
  exit $?
fi

"${cli[@]}" validate "$profile"
rc=$?
if [[ $rc -ne 0 ]]; then exit "$rc"; fi

echo "==> Running the conformance suite (log: $out/test-output.log)"
rm -rf "$out/allure-results" "$out/summary.json" "$out/junit.xml" "$out/conformance.sarif"
test_args=(test src/Conformance/Conformance.csproj -c Release --no-build --nologo --logger "console;verbosity=normal")
if [[ -n "$filter" ]]; then test_args+=(--filter "$filter"); fi
# The suite prints one "[vasa]" line per check as it goes; everything else goes to the log only.
# It runs in its own session, so Ctrl-C reaches only this script, which asks the suite to stop cleanly (the stop
# file): the current check ends, the rest are reported as not run, tasks still in flight are listed, and the
# report is written. A second Ctrl-C kills it.
rm -f "$out/.stop"
: >"$out/test-output.log"
VASA_PROFILE="$profile" VASA_OUT="$out" VASA_BASELINE="$baseline" VASA_STRICT="$strict" setsid dotnet "${test_args[@]}" >"$out/test-output.log" 2>&1 &
test_pid=$!
tail -s 0.2 -n +1 -f --pid="$test_pid" "$out/test-output.log" | sed -un 's/^[[:space:]]*\[vasa\] /  /p' &
tail_pid=$!
interrupted=0
on_interrupt() {
  if [[ $interrupted -eq 0 ]]; then
    interrupted=1
    touch "$out/.stop"
    echo "  Ctrl-C: stopping after the current check, then writing the report (Ctrl-C again to kill)" >&2
  else
    kill -KILL -- "-$test_pid" 2>/dev/null
  fi
}
trap on_interrupt INT TERM
while kill -0 "$test_pid" 2>/dev/null; do wait "$test_pid" 2>/dev/null; done
wait "$tail_pid" 2>/dev/null
trap - INT TERM
rm -f "$out/.stop"

if [[ ! -f "$out/summary.json" ]] && grep -q "No test matches the given testcase filter" "$out/test-output.log"; then
  echo "run.sh: the filter '$filter' selected no check; see the check names in docs/clauses.md" >&2
  exit 2
fi

report_rc=0
if [[ $report -eq 1 && -d "$out/allure-results" ]]; then
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
exit "$rc"
