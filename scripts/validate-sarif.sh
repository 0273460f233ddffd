#!/usr/bin/env bash
# Validates SARIF files against the official SARIF 2.1.0 schema with the pinned validators (npm ci first):
# Microsoft's SARIF Multitool `validate` and Ajv on the schema the Multitool ships. See validate-sarif.mjs.
# usage: scripts/validate-sarif.sh FILE...   exit 0 all valid, 1 any validation error, 2 usage or tools missing
set -uo pipefail
if [[ $# -eq 0 ]]; then echo "usage: scripts/validate-sarif.sh FILE..." >&2; exit 2; fi
if ! command -v node >/dev/null 2>&1; then echo "validate-sarif.sh: node not found" >&2; exit 2; fi
exec node "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/validate-sarif.mjs" "$@"
