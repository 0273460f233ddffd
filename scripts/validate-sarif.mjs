// Validates SARIF 2.1.0 logs with two real validators, both from the pinned devDependencies (npm ci):
//   1. Microsoft's SARIF Multitool (`validate`): the JSON schema plus the SARIF SDK's own rules.
//      Its exit code is 0 even when it reports schema errors, so its output log is read instead: any result or
//      notification of level "error", or an unsuccessful execution, fails the file. Warnings and notes are printed only.
//   2. Ajv (JSON Schema draft 2020-12, with ajv-formats) against sarif-2.1.0.json as the Multitool package ships it:
//      the Multitool 5.7.0 silently reports nothing for a log it cannot deserialise (e.g. result.level "fatal").
// usage: node scripts/validate-sarif.mjs FILE...   exit 0 all valid, 1 any error, 2 usage or missing tools
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: scripts/validate-sarif.sh FILE...");
  process.exit(2);
}

const require = createRequire(import.meta.url);
let platformDir;
let Ajv2020;
let addFormats;
try {
  platformDir = path.dirname(require.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));
  Ajv2020 = require("ajv/dist/2020").default;
  addFormats = require("ajv-formats").default;
} catch (e) {
  console.error(`validate-sarif: the pinned validators are not installed (run npm ci): ${e.message}`);
  process.exit(2);
}
const multitool = path.join(platformDir, process.platform === "win32" ? "Sarif.Multitool.exe" : "Sarif.Multitool");
const schemaPath = path.join(platformDir, "sarif-2.1.0.json");
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSchema = ajv.compile(schema);

let failed = 0;
for (const file of files) {
  const errors = [];
  if (!existsSync(file)) {
    console.error(`${file}: error: no such file`);
    failed++;
    continue;
  }

  // 1. The Multitool.
  const work = mkdtempSync(path.join(tmpdir(), "validate-sarif-"));
  const log = path.join(work, "validation.sarif");
  const run = spawnSync(multitool, ["validate", file, "--output", log, "--log", "ForceOverwrite"], { encoding: "utf8" });
  const console_ = `${run.stdout ?? ""}${run.stderr ?? ""}`;
  for (const line of console_.split("\n")) {
    if (/: (error|warning|note) /.test(line)) console.log(`multitool: ${line.trim()}`);
  }
  if (run.error || run.status !== 0 || !existsSync(log)) {
    errors.push(`multitool did not complete (exit ${run.status ?? run.error?.message}): ${console_.trim().split("\n").slice(-3).join(" | ")}`);
  } else {
    const output = JSON.parse(readFileSync(log, "utf8"));
    for (const r of output.runs ?? []) {
      for (const result of r.results ?? []) {
        if ((result.level ?? "warning") === "error") errors.push(`multitool ${result.ruleId}: ${describe(r, result)}`);
      }
      for (const inv of r.invocations ?? []) {
        if (inv.executionSuccessful === false) errors.push("multitool: execution was not successful");
        for (const n of [...(inv.toolExecutionNotifications ?? []), ...(inv.toolConfigurationNotifications ?? [])]) {
          if ((n.level ?? "warning") === "error") errors.push(`multitool notification: ${n.message?.text ?? JSON.stringify(n.message)}`);
        }
      }
    }
  }
  rmSync(work, { recursive: true, force: true });

  // 2. Ajv against the same official schema.
  let document;
  try {
    document = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    errors.push(`not JSON: ${e.message}`);
  }
  if (document !== undefined && !validateSchema(document)) {
    for (const e of validateSchema.errors ?? []) {
      errors.push(`ajv ${e.instancePath || "/"}: ${e.message}${e.params?.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : ""}`);
    }
  }

  if (errors.length > 0) {
    failed++;
    for (const e of errors) console.error(`${file}: error: ${e}`);
    console.error(`${file}: INVALID (${errors.length} error(s))`);
  } else {
    console.log(`${file}: valid SARIF 2.1.0`);
  }
}
process.exit(failed > 0 ? 1 : 0);

// The Multitool writes message ids and arguments; the rule's message strings turn them into text.
function describe(run, result) {
  if (result.message?.text) return result.message.text;
  const rule = run.tool?.driver?.rules?.find((x) => x.id === result.ruleId);
  const template = rule?.messageStrings?.[result.message?.id]?.text;
  const args = result.message?.arguments ?? [];
  return template ? template.replace(/\{(\d+)\}/g, (_, i) => args[Number(i)] ?? "") : `${result.message?.id} ${JSON.stringify(args)}`;
}
