// Allure 3 (npm "allure", pinned to 3.18.0 in package.json) configuration, picked up from the repo root.
// Render with scripts/render-report.sh; CI gates on out/summary.json, never on "allure quality-gate"
// (it crashes on Node 20 in 3.18.0).
import { defineConfig } from "allure";

export default defineConfig({
  name: "VASA provider conformance",
  output: "./out/report",
  // One JSONL line per run: keep this file between CI runs to get trends, "new" and "regressed".
  historyPath: "./out/history/allure-history.jsonl",
  historyLimit: 50,
  plugins: {
    awesome: {
      options: {
        reportName: "VASA provider conformance",
        reportLanguage: "en",
        singleFile: false,
        // The results carry no titlePath (gotcha G5), so the tree comes from the suite labels.
        groupBy: ["parentSuite", "suite", "subSuite"],
      },
    },
  },
  // Mirrors Harness.Reporting.AllureCategories.All, in the same order (first match wins).
  // JS regexes match partially; categories.json holds the Java full-match forms for Allure 2.
  categories: [
    { name: "Warning: a SHOULD clause (does not fail the gate unless strict)", matchers: { statuses: ["failed"], message: /^Warning \(SHOULD\):/ } },
    { name: "Wrong fault", matchers: { statuses: ["failed"], message: /wrong fault|expected fault/i } },
    { name: "Task contract", matchers: { statuses: ["failed"], message: /\[task\]/i } },
    { name: "Result contract", matchers: { statuses: ["failed"], message: /\[result\]/i } },
    { name: "Stuck task", matchers: { statuses: ["failed", "broken"], message: /stuck task/i } },
    { name: "Inconclusive: precondition not established", matchers: { statuses: ["skipped"], message: /^Inconclusive:/ } },
    { name: "Not exercised: the trigger never arose", matchers: { statuses: ["skipped"], message: /^Not exercised:/ } },
    { name: "Not applicable", matchers: { statuses: ["skipped"], message: /^Not applicable:/ } },
    { name: "Harness or infrastructure error", matchers: { statuses: ["broken"] } },
  ],
});
