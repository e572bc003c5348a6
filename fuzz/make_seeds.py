"""Writes the seed corpora of fuzz/corpus/ from the project's own documents.

    .venv/bin/python fuzz/make_seeds.py     (after pip install . ; rerun when formats change)

program       data/programs, and GR with the example overlays as one definition
overlay       data/overlays
person        every person of examples/cohort.json and of tests/scenarios
credential    a course certificate signed with the test key (bytes 0x40..0x5f),
              the W3C eddsa-jcs-2022 vector, a trusted-issuer list
jcs           the RFC 8785 inputs, every y_ file of JSONTestSuite, a credential
coordination  the cohort as a term's request with mentors, an Uppsala one
"""
import json
import pathlib
import shutil

import yrkesresan as yr

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "fuzz" / "corpus"


def write(target: str, name: str, text: str) -> None:
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_text(text, encoding="utf-8")


def copy(target: str, src: pathlib.Path, name: str = "") -> None:
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, d / (name or src.name))


for p in sorted((root / "data" / "programs").glob("*.json")):
    copy("program", p)
overlays = [root / "data" / "overlays" / n for n in ("example-kungalv.json", "example-kungalv-utredning.json")]
gr_kungalv = yr.Program.builtin("gr-barn-unga", overlays=[str(o) for o in overlays])
write("program", "gr-barn-unga-kungalv-utredning.json", gr_kungalv.to_json())

for o in overlays:
    copy("overlay", o)

cohort = json.loads((root / "examples" / "cohort.json").read_text(encoding="utf-8"))
for person in cohort:
    write("person", f"cohort-{person['id']}.json", json.dumps(person, ensure_ascii=False))
for s in sorted((root / "tests" / "scenarios").glob("*.json")):
    write("person", f"scenario-{s.stem}.json", json.dumps(json.loads(s.read_text(encoding="utf-8"))["person"],
                                                          ensure_ascii=False))

course = {"id": "p-1042", "municipality": "kungalv", "employment_start": "2026-01-12",
          "events": [{"type": "module_attended", "module": f"m{i}", "date": date, "round": "2026-1"}
                     for i, date in enumerate(["2026-05-20", "2026-06-03", "2026-06-17", "2026-08-19",
                                               "2026-09-02", "2026-09-16", "2026-09-30", "2026-10-07"], 1)]
          + [{"type": "homework_submitted", "module": m, "date": date}
             for m, date in [("m1", "2026-05-27"), ("m2", "2026-06-10"), ("m3", "2026-06-24"),
                             ("m5", "2026-09-09"), ("m7", "2026-10-05")]]}
gr = yr.Program.builtin("gr-barn-unga")
certificate = gr.issue_certificate(course, __import__("datetime").date(2026, 11, 1), "introduktionsprogram")
key = yr.SigningKey.from_seed(bytes(range(0x40, 0x60)))
issuer = yr.IssuerProfile("https://www.kungalv.se/socialtjansten", "Kungälvs kommun, socialtjänsten")
signed = yr.sign_certificate(certificate, issuer, key)
write("credential", "kungalv-course.json", signed)
write("credential", "kungalv-course-unsigned.json", yr.open_badge_credential(certificate, issuer))
# A did:web issuer's revocable credential (credentialStatus), and its status list.
ale = yr.IssuerProfile("did:web:www.ale.se", "Ale kommun")
write("credential", "ale-revocable.json", yr.sign_certificate(certificate, ale, key, status_list="https://www.ale.se/s/1",
                                                              status_list_index=94567))
write("credential", "ale-status-list.json", yr.revoke_in_status_list(
    yr.create_status_list("https://www.ale.se/s/1", ale, key, valid_from="2026-11-01T08:00:00Z"), 94567, key,
    valid_from="2026-11-20T09:00:00Z"))
copy("credential", root / "tests" / "vectors" / "vc-di-eddsa" / "eddsa-jcs-2022" / "signedJCS.json", "w3c-signedJCS.json")
write("credential", "trusted-issuers.json", json.dumps(
    {"issuers": [{"id": issuer.id, "name": "Kungälv", "keys": [{"publicKeyMultibase": key.public_key_multibase}]},
                 {"name": "Ale", "didDocument": json.loads(yr.did_document(ale.id, [key.public_key_multibase]))},
                 {"id": key.did_key, "name": "did:key"}]},
    ensure_ascii=False))

for p in sorted((root / "tests" / "vectors" / "json-canonicalization" / "testdata" / "input").glob("*.json")):
    copy("jcs", p, "rfc8785-" + p.name)
for p in sorted((root / "tests" / "vectors" / "JSONTestSuite" / "test_parsing").glob("y_*.json")):
    copy("jcs", p)
write("jcs", "kungalv-course.json", signed)

mentors = [{"id": "m-goteborg", "municipality": "goteborg", "profession_start": "2012-01-01", "capacity": 2},
           {"id": "m-ale", "municipality": "ale", "profession_start": "2019-08-15", "capacity": 1},
           {"id": "m-novice", "municipality": "lerum", "profession_start": "2024-07-01",
            "prior_experience_months": 6, "capacity": 3}]
write("coordination", "gr-cohort-spring.json", json.dumps(
    {"as_of": "2026-12-01", "term": {"from": "2027-01-01", "to": "2027-06-30"}, "language": "sv",
     "persons": cohort, "mentors": mentors}, ensure_ascii=False))
write("coordination", "gr-small-autumn.json", json.dumps(
    {"as_of": "2026-08-01", "term": {"from": "2026-08-15", "to": "2026-12-31"}, "language": "en",
     "persons": cohort[:3], "mentors": mentors[:1]}, ensure_ascii=False))
