#!/usr/bin/env python3
"""Validates JSON lines against accrue's schemas (used by the tests).

Usage: validate.py SCHEMA_FILE[#/$defs/NAME] < lines.jsonl
Prints "ok N" or the first failure and exits non-zero.
"""
import json
import os
import sys

import jsonschema

try:  # jsonschema >= 4.18 resolves references through `referencing`
    from referencing import Registry, Resource
except ImportError:  # Debian 12's python3-jsonschema 4.10
    Registry = None

HERE = os.path.dirname(os.path.abspath(__file__))


def all_schemas():
    found = {}
    for folder, _, files in os.walk(HERE):
        for name in files:
            if name.endswith(".json") and "vectors" not in folder:
                with open(os.path.join(folder, name)) as handle:
                    schema = json.load(handle)
                if "$id" in schema:
                    found[schema["$id"]] = schema
    return found


def make_validator(schema):
    schemas = all_schemas()
    if Registry is not None:
        registry = Registry().with_resources((uri, Resource.from_contents(s)) for uri, s in schemas.items())
        return jsonschema.Draft202012Validator(schema, registry=registry)
    resolver = jsonschema.RefResolver("", schema, store=schemas)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def main():
    target = sys.argv[1]
    path, _, pointer = target.partition("#")
    with open(os.path.join(HERE, path)) as handle:
        schema = json.load(handle)
    if pointer:
        schema = {"$ref": schema["$id"] + "#" + pointer}
    validator = make_validator(schema)
    count = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        value = json.loads(line)
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.path))
        if errors:
            print("FAIL line %d: %s at %s\n%s" % (count + 1, errors[0].message, list(errors[0].path), line[:500]))
            return 1
        count += 1
    print("ok %d" % count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
