#!/usr/bin/env python3
"""json_schema.py SCHEMA FILE...: validates each JSON file against SCHEMA
(Debian's python3-jsonschema, draft 2020-12). Prints one line per error,
with the path of the value in the file; exit 1 when a file is invalid."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
bad = 0
for name in sys.argv[2:]:
    try:
        doc = json.load(open(name, encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"{name}: not JSON: {e}")
        bad += 1
        continue
    for e in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in e.path) or "(top)"
        print(f"{name}: {where}: {e.message}")
        bad += 1
sys.exit(1 if bad else 0)
