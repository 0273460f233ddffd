#!/usr/bin/env bash
# Refreshes the committed type catalogue (src/Harness/Oracle/vmodl-types.json) from its source, the extraction of
# pyvmomi's generated type tables in shared/reference/vmodl-types.json, and records the source's SHA-256 next to it.
# tests/Harness.Tests/Oracle/TypeCatalogueSourceTests.cs fails when the two drift apart.
#
# usage: scripts/update-vmodl-types.sh [SOURCE]   (default: ../shared/reference/vmodl-types.json beside the clone)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source="${1:-$root/../shared/reference/vmodl-types.json}"
[[ -f "$source" ]] || { echo "update-vmodl-types: source not found: $source (pass its path)" >&2; exit 2; }
python3 - "$source" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
missing = [k for k in ("source", "versions", "types", "enums", "managed") if k not in d]
if missing:
    sys.exit(f"update-vmodl-types: {sys.argv[1]} lacks {', '.join(missing)}: not a vmodl-types extraction")
print(f"update-vmodl-types: {len(d['types'])} types, {len(d['enums'])} enums, {len(d['managed'])} managed types from {d['source']}")
PY
cp "$source" "$root/src/Harness/Oracle/vmodl-types.json"
sha256sum "$root/src/Harness/Oracle/vmodl-types.json" | cut -d' ' -f1 > "$root/src/Harness/Oracle/vmodl-types.sha256"
echo "update-vmodl-types: committed copy refreshed; SHA-256 $(cat "$root/src/Harness/Oracle/vmodl-types.sha256")"
