#!/usr/bin/env bash
# Renders allure-results into an HTML report with the Allure CLI pinned in package.json.
# Usage: scripts/render-report.sh <results-dir> <output-dir>
# Exit codes: 0 rendered, 2 bad usage, 4 the pinned CLI is not installed (run npm ci), else Allure's own.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <results-dir> <output-dir>" >&2
  exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$(realpath -m -- "$1")"
output="$(realpath -m -- "$2")"

if [[ ! -f "$repo_root/node_modules/allure/package.json" ]]; then
  echo "allure CLI not installed: run npm ci in $repo_root" >&2
  exit 4
fi

if [[ ! -d "$results" ]]; then
  echo "no results directory: $results" >&2
  exit 2
fi

# "generate" does not clean its output, and a stale sub-folder stops the single-plugin flattening (gotcha G10).
rm -rf -- "$output"
# allurerc.mjs appends one line per run to this file; it keeps the trend between runs.
mkdir -p "$repo_root/out/history"

cd "$repo_root"
# allurerc.mjs names the report after the provider and the verdict in the run's summary.json.
export VASA_SUMMARY="$(dirname "$results")/summary.json"
# "allure run" (not "generate") so the report's Quality Gates tab holds the verdict rule of allurerc.mjs: it renders
# results that appear while its command runs, so the command copies them into a fresh folder. The gate's own exit
# code is ignored here: CI gates on out/summary.json (run.sh's exit code), and the rule only shows that verdict.
watched="$(mktemp -d)"
trap 'rm -rf -- "$watched"' EXIT
render() { # <output-dir>
  rm -rf -- "$watched" && mkdir -p "$watched"
  NODE_OPTIONS="${NODE_OPTIONS:-} --require $repo_root/scripts/iter-toarray-polyfill.cjs" \
    npx --no-install allure run --silent --results-dir "$watched" -o "$1" -- cp -r "$results/." "$watched/" >&2 || true
  if [[ ! -f "$1/index.html" ]]; then
    echo "allure did not write $1/index.html" >&2
    exit 1
  fi
}
render "$output"
# The traceability matrix is a page of its own inside the report (each check links to its clause's row).
matrix="$(dirname "$results")/traceability.html"
if [[ -f "$matrix" ]]; then
  # Each row's checks link to their pages in the report: report/index.html#<the report's id of the check> from out/,
  # index.html#<id> from the copy inside the report.
  node -e '
    const fs = require("fs");
    const [matrix, copy, results, fromOut] = process.argv.slice(1);
    const ids = {};
    if (fs.existsSync(results))
      for (const [id, test] of Object.entries(JSON.parse(fs.readFileSync(results, "utf8")).byId ?? {})) ids[String(test.name).replace(/ /g, "_")] = id;
    // A check is keyed by operation and name (its full name): the report keeps it in one file per test.
    const details = require("path").join(require("path").dirname(results), "data", "test-results");
    if (fs.existsSync(details))
      for (const file of fs.readdirSync(details).filter((f) => f.endsWith(".json"))) {
        const test = JSON.parse(fs.readFileSync(require("path").join(details, file), "utf8"));
        if (test.fullName && test.id) ids[String(test.fullName).replace(/^Conformance\./, "")] = test.id;
      }
    const link = (prefix) => fs.readFileSync(matrix, "utf8").replace(/data-check="([^"]+)" href="report\/index.html(#[^"]*)?"/g,
      (all, name) => `data-check="${name}" href="${prefix}index.html${ids[name] ? "#" + ids[name] : ""}"`);
    fs.writeFileSync(copy, link(""));
    fs.writeFileSync(matrix, link(fromOut + "/"));
  ' "$matrix" "$output/traceability.html" "$output/test-results.json" "$(realpath --relative-to="$(dirname "$results")" "$output")"
fi
# One self-contained file that opens from disk, without a server, to send to a vendor: report-single.html.
single_dir="$(dirname "$output")/report-single"
single="$(dirname "$output")/report-single.html"
rm -rf -- "$single_dir" "$single"
VASA_SINGLE_FILE=1 render "$single_dir"
mv "$single_dir/index.html" "$single" && rm -rf -- "$single_dir"
# Allure 3.18's awesome page loads Google Analytics (googletagmanager.com): a conformance report of a vendor's array
# must not call home when someone opens it. Remove the tag and its inline gtag() block.
node -e '
  const fs = require("fs");
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) continue;
    const html = fs.readFileSync(file, "utf8")
      .replace(/<script[^>]*googletagmanager\.com[^>]*><\/script>\s*<script>[\s\S]*?gtag\(.config.[\s\S]*?<\/script>/g, "");
    fs.writeFileSync(file, html);
  }' "$output/index.html" "$output"/*/index.html "$single"
if grep -rqs googletagmanager "$output"/index.html "$single"; then
  echo "warning: the report still references googletagmanager.com" >&2
fi
echo "Report: $output/index.html (serve it: npx allure open $output); one file to send: $single"
