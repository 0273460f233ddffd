// Allure 3 (npm "allure", pinned to 3.18.0 in package.json) configuration, picked up from the repo root.
// Render with scripts/render-report.sh; CI gates on out/summary.json, never on "allure quality-gate"
// (it crashes on Node 20 in 3.18.0).
import { defineConfig } from "allure";
import { existsSync, readFileSync } from "node:fs";

// The report's name states the provider and the verdict, e.g. "Simulated VASA provider 1.0.0: CONFORMANT", read from
// the run's summary.json (scripts/render-report.sh passes its path in VASA_SUMMARY).
function readSummary() {
  const path = process.env.VASA_SUMMARY ?? "./out/summary.json";
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

const summary = readSummary();
function reportName() {
  if (summary === null) return "VASA provider conformance";
  const provider = [summary.provider?.name ?? summary.profile, summary.provider?.version].filter(Boolean).join(" ");
  return `${provider}: ${summary.headline ?? String(summary.verdict).toUpperCase()}`;
}

const name = reportName();

// The report's Quality Gates tab: one rule, the run's verdict from summary.json (the same verdict run.sh exits with),
// not Allure's own counts, which know nothing of MUST and SHOULD, inconclusive or the baseline.
const verdictRule = {
  rule: "conformanceVerdict",
  message: ({ actual, expected }) => `The conformance verdict is ${actual}; a release gate needs ${expected}`,
  successMessage: ({ actual }) => `The conformance verdict is ${actual}`,
  validate: async ({ expected }) => ({
    success: summary?.verdict === expected,
    actual: summary === null ? "unknown (no summary.json)" : `${summary.headline} (exit ${summary.exitCode})`,
    expected,
    testResults: [],
  }),
};
// VASA_SINGLE_FILE=1 renders one self-contained index.html that opens from disk (out/report-single.html).
const singleFile = process.env.VASA_SINGLE_FILE === "1";

export default defineConfig({
  name,
  output: singleFile ? "./out/report-single" : "./out/report",
  // One JSONL line per run: keep this file between CI runs to get trends, "new" and "regressed".
  historyPath: singleFile ? undefined : "./out/history/allure-history.jsonl",
  historyLimit: 50,
  plugins: {
    awesome: {
      options: {
        reportName: name,
        reportLanguage: "en",
        singleFile,
        // The results carry no titlePath (gotcha G5), so the tree comes from the suite labels.
        groupBy: ["parentSuite", "suite", "subSuite"],
      },
    },
  },
  // Evaluated by "allure run" in scripts/render-report.sh ("generate" never evaluates a gate).
  qualityGate: { rules: [{ conformanceVerdict: "conformant" }], use: [verdictRule] },
  // Mirrors Harness.Reporting.AllureCategories.All, in the same order (first match wins).
  // JS regexes match partially; categories.json holds the Java full-match forms for Allure 2.
  categories: [
    { name: "Warning: a SHOULD clause (does not fail the gate unless strict)", matchers: { statuses: ["failed"], message: /^Warning \(SHOULD\):/ } },
    { name: "Wrong fault", matchers: { statuses: ["failed"], message: /wrong fault:/i } },
    { name: "Malformed fault", matchers: { statuses: ["failed"], message: /malformed fault:/i } },
    { name: "Task contract", matchers: { statuses: ["failed"], message: /\[task\]/i } },
    { name: "Result contract", matchers: { statuses: ["failed"], message: /\[result\]/i } },
    { name: "Stuck task", matchers: { statuses: ["failed", "broken"], message: /stuck task/i } },
    { name: "Capability contradicted", matchers: { statuses: ["failed"], message: /\[capability\]/i } },
    { name: "Wire format (VMware's type definitions)", matchers: { statuses: ["failed"], message: /\[wire\]/i } },
    { name: "Inconclusive: precondition not established", matchers: { statuses: ["unknown"], message: /^Inconclusive:/ } },
    { name: "Not exercised: the trigger never arose", matchers: { statuses: ["skipped"], message: /^Not exercised:/ } },
    { name: "Not applicable", matchers: { statuses: ["skipped"], message: /^Not applicable:/ } },
    { name: "Harness or infrastructure error", matchers: { statuses: ["broken"] } },
  ],
});
