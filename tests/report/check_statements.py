#!/usr/bin/env python3
"""Validates statements of reasons (JSON Lines, or with --batch the batch endpoint's request
bodies) against sor_schema.json, and checks that every puid is unique. Prints one line per
problem and a count; exits 1 when anything is invalid."""
import argparse
import json
import sys

import jsonschema


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batch", action="store_true",
                        help='each line is {"statements": [...]} with 1 to 100 statements')
    parser.add_argument("schema")
    parser.add_argument("statements")
    args = parser.parse_args()
    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    problems, count, puids = [], 0, set()
    with open(args.statements, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            document = json.loads(line)
            statements = [document]
            if args.batch:
                statements = document.get("statements") if isinstance(document, dict) else None
                if (not isinstance(statements, list) or len(document) != 1
                        or not 1 <= len(statements) <= 100):
                    problems.append(f"line {number}: not a batch of 1 to 100 statements")
                    continue
            for index, statement in enumerate(statements):
                count += 1
                where = f"line {number}" + (f" statement {index}" if args.batch else "")
                for error in validator.iter_errors(statement):
                    path = "/".join(str(p) for p in error.absolute_path)
                    problems.append(f"{where}: {path or 'statement'}: {error.message}")
                puid = statement.get("puid") if isinstance(statement, dict) else None
                if puid in puids:
                    problems.append(f"{where}: puid {puid} is not unique")
                puids.add(puid)
    for problem in problems:
        print(problem)
    print(f"{count} statements, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
