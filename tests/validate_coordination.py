#!/usr/bin/env python3
"""Checks the coordination schemas (data/schema/coordination*.schema.json)
against the documents the C++ tests wrote.

    validate_coordination.py <project_root> <dump_dir>

1. both schemas against the draft 2020-12 meta-schema;
2. every report-*.json in <dump_dir> against coordination.schema.json and
   every request-*.json against coordination-request.schema.json (whose
   persons are person.schema.json records); none found is a failure;
3. a negative self-test: broken copies of the first report and request
   (and of the first with annual_groups) must be rejected where they were
   broken.

Prints one summary line; exits 1 listing every failure. Needs `jsonschema`.
"""

import copy
import json
import sys
from pathlib import Path

try:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
except ImportError:  # pragma: no cover
    sys.stderr.write("validate_coordination: needs the python packages jsonschema and referencing\n")
    sys.exit(2)


def pointer(parts):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: validate_coordination.py <project_root> <dump_dir>\n")
        return 2
    root, dump = Path(argv[1]), Path(argv[2])
    schema_dir = root / "data" / "schema"
    schemas = {name: json.loads((schema_dir / (name + ".schema.json")).read_text(encoding="utf-8"))
               for name in ("coordination", "coordination-request", "person")}
    registry = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in schemas.values()])
    failures, counts = [], {}

    for name in ("coordination", "coordination-request"):
        try:
            Draft202012Validator.check_schema(schemas[name])
        except Exception as e:  # noqa: BLE001 - reported, not raised
            failures.append("%s.schema.json: not a valid draft 2020-12 schema: %s" % (name, e))
    validators = {name: Draft202012Validator(schemas[name], registry=registry)
                  for name in ("coordination", "coordination-request")}

    firsts = {}
    for pattern, name in (("report-*.json", "coordination"), ("request-*.json", "coordination-request")):
        files = sorted(dump.glob(pattern)) if dump.is_dir() else []
        if not files:
            failures.append("%s: no %s found (run the C++ tests first)" % (dump, pattern))
        for path in files:
            doc = json.loads(path.read_text(encoding="utf-8"))
            firsts.setdefault(name, doc)
            if doc.get("annual_groups"):
                firsts.setdefault(name + "/annual", doc)
            for e in sorted(validators[name].iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))[:10]:
                failures.append("%s: at %s: %s" % (path.name, pointer(e.absolute_path), e.message[:300]))
            counts[name] = counts.get(name, 0) + 1

    def broken(name, what, change, where, first=None):
        if (first or name) not in firsts:
            failures.append("self-test %s: no document to break for: %s" % (first or name, what))
            return
        doc = copy.deepcopy(firsts[first or name])
        try:
            change(doc)
        except (KeyError, IndexError):
            failures.append("self-test %s: the document has no place for: %s" % (name, what))
            return
        found = [pointer(e.absolute_path) for e in validators[name].iter_errors(doc)]
        if not any(p == where or p.startswith(where + "/") for p in found):
            failures.append("self-test %s: %s was not rejected at %s (found %s)" % (name, what, where, found[:3]))
        else:
            counts["broken documents rejected"] = counts.get("broken documents rejected", 0) + 1

    def setter(path, value):
        def f(doc):
            *parent, last = path
            for p in parent:
                doc = doc[p]
            doc[last] = value
        return f

    broken("coordination", "an unknown top-level key", setter(["grade"], 1), "")
    broken("coordination", "an unknown unplaced reason", setter(["supervision", 0, "unplaced"], [
        {"person": "x", "municipality": "ale", "reason": "bad_luck", "message": "m"}]), "/supervision/0/unplaced/0/reason")
    broken("coordination", "a group without members", setter(["supervision", 0, "groups", 0, "members"], []),
           "/supervision/0/groups/0/members")
    broken("coordination", "a course start that is in progress", setter(["course_starts", 0, "eligibility"], "in_progress"),
           "/course_starts/0/eligibility")
    broken("coordination", "a malformed term", setter(["term", "to"], "2027-6-30"), "/term/to")
    broken("coordination", "negative hours", setter(["introduktor_hours", "introduktors", 0, "hours"], -1),
           "/introduktor_hours")
    broken("coordination-request", "an unknown field", setter(["when"], "2026-12-01"), "")
    broken("coordination-request", "a mentor with negative capacity", setter(["mentors", 0, "capacity"], -1),
           "/mentors/0/capacity")
    broken("coordination-request", "a person without employment_start",
           lambda d: d["persons"][0].pop("employment_start"), "/persons/0")

    annual = ("coordination", "coordination/annual")
    broken(annual[0], "an annual plan's size from nowhere", setter(["annual_groups", 0, "group", "size_from"], "guess"),
           "/annual_groups/0/group/size_from", annual[1])
    broken(annual[0], "an annual plan without its joining list", lambda d: d["annual_groups"][0].pop("joining"),
           "/annual_groups/0", annual[1])
    broken(annual[0], "an annual group without members", setter(["annual_groups", 0, "groups", 0, "members"], []),
           "/annual_groups/0/groups/0/members", annual[1])
    broken(annual[0], "a summary without the annual groups", lambda d: d["summary"].pop("annual_groups"),
           "/summary", annual[1])
    request_annual = ("coordination-request", "coordination-request/annual")
    broken(request_annual[0], "an annual group size without max",
           lambda d: d["annual_groups"][0].__setitem__("group", {"min": 6}), "/annual_groups/0/group", request_annual[1])
    broken(request_annual[0], "an annual year as text", setter(["annual_groups", 0, "year"], "2027"),
           "/annual_groups/0/year", request_annual[1])
    broken(request_annual[0], "an annual entry without its component", lambda d: d["annual_groups"][0].pop("component"),
           "/annual_groups/0", request_annual[1])

    summary = ", ".join("%d %s" % (n, k) for k, n in counts.items())
    if failures:
        for f in failures:
            sys.stderr.write("FAIL %s\n" % f)
        print("validate_coordination: FAILED, %d problem(s); checked %s" % (len(failures), summary or "nothing"))
        return 1
    print("validate_coordination: OK: %s" % summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
