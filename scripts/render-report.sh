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
npx --no-install allure generate "$results" -o "$output" >&2
# The traceability matrix is a page of its own inside the report (each check links to its clause's row).
if [[ -f "$(dirname "$results")/traceability.html" ]]; then
  cp "$(dirname "$results")/traceability.html" "$output/"
  # Each row's checks link to their pages in the report: index.html#<the report's id of the check>.
  node -e '
    const fs = require("fs");
    const [page, results] = process.argv.slice(1);
    if (!fs.existsSync(results)) process.exit(0);
    const ids = {};
    for (const [id, test] of Object.entries(JSON.parse(fs.readFileSync(results, "utf8")).byId ?? {})) ids[String(test.name).replace(/ /g, "_")] = id;
    fs.writeFileSync(page, fs.readFileSync(page, "utf8").replace(/data-check="([^"]+)" href="index.html"/g,
      (all, name) => ids[name] ? `data-check="${name}" href="index.html#${ids[name]}"` : all));
  ' "$output/traceability.html" "$output/test-results.json"
fi
# One self-contained file that opens from disk, without a server, to send to a vendor: report-single.html.
single_dir="$(dirname "$output")/report-single"
single="$(dirname "$output")/report-single.html"
rm -rf -- "$single_dir" "$single"
VASA_SINGLE_FILE=1 npx --no-install allure generate "$results" -o "$single_dir" >&2
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
