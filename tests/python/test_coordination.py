"""Regional coordination through Python: the same report as C++,
frames for groups and pairs, the algorithms over DataFrames, errors with paths."""

from __future__ import annotations

import datetime
import itertools
import json
from pathlib import Path
from typing import Any, Dict, List

import numpy as np
import pytest

import yrkesresan

pd = pytest.importorskip("pandas")

AS_OF = datetime.date(2026, 12, 1)
TERM = (datetime.date(2027, 1, 1), datetime.date(2027, 6, 30))


def person(id: str, municipality: str, employment_start: Any, **more: Any) -> Dict[str, Any]:
    return {"id": id, "municipality": municipality, "employment_start": employment_start, **more}


def region() -> List[Dict[str, Any]]:
    """Supervision candidates from six municipalities (one holding most), mentor
    adepts, newcomers for the course with introduktörer."""
    persons = [
        person("c-open", "ale", "2026-06-01", people={"introduktor": "i-1"}),
        person("c-opens", "kungalv", "2026-09-01", people={"introduktor": "i-2"}),
        person("c-later", "molndal", datetime.date(2026, 11, 15), people={"introduktor": "i-2"}),
    ]
    munis = ["goteborg"] * 9 + ["ale", "ale", "kungalv", "molndal", "partille", "lerum"]
    for i, m in enumerate(munis):
        persons.append(person(f"s-{i:02d}", m, f"2025-{7 + i % 5:02d}-01"))
    persons += [person("a-1", "goteborg", "2024-06-01"), person("a-2", "goteborg", "2024-05-01"),
                person("a-3", "ale", "2024-04-01"), person("a-4", "stenungsund", "2024-02-01")]
    return persons


MENTORS = [
    {"id": "m-goteborg", "municipality": "goteborg", "profession_start": "2012-01-01", "capacity": 2},
    {"id": "m-ale", "municipality": "ale", "profession_start": "2019-08-15"},
]


@pytest.fixture(scope="module")
def gr() -> yrkesresan.Program:
    return yrkesresan.Program.builtin("gr-barn-unga")


def test_report_sections_and_frames(gr: yrkesresan.Program, root: Path) -> None:
    report = yrkesresan.coordinate(gr, region(), as_of=AS_OF, term=TERM, mentors=MENTORS)
    assert isinstance(report, yrkesresan.CoordinationReport)
    assert report.summary["persons"] == 22

    starts = report.course_starts
    assert list(starts["person"]) == ["c-open", "c-opens", "c-later"]
    assert starts.loc[0, "closes_in_term"]
    assert starts.loc[2, "window_from"] == datetime.date(2027, 3, 15)

    groups = report.groups
    assert set(groups["group"]) == {1, 2}
    assert len(groups) == 16  # the 15, and c-open whose supervision window opens in June
    per_group = groups.groupby("group")["municipality"].agg(lambda s: s.value_counts().max())
    assert per_group.max() == 5  # goteborg's 9 split 5 + 4
    assert report.unplaced.empty

    pairs = report.pairs
    assert len(pairs) == 3
    assert (pairs["adept_municipality"] != pairs["mentor_municipality"]).all()
    assert (pairs["mentor_experience_months"] > pairs["adept_experience_months"]).all()
    assert list(report.unmatched["reason"]) == ["mentors_at_capacity"]

    hours = report.introduktor_hours
    assert set(hours["introduktor"].dropna()) == {"i-1", "i-2"}
    assert hours[hours["introduktor"] == "i-2"]["hours"].sum() == pytest.approx(2 * 181 * 4 / 7, abs=0.02)
    assert report.certificates_due.empty
    assert not report.windows_passed.empty

    # The document validates against the schema the C ABI and C++ share.
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((root / "data" / "schema" / "coordination.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report.document)


def test_same_report_whatever_the_order(gr: yrkesresan.Program) -> None:
    persons = region()
    first = yrkesresan.coordinate(gr, persons, as_of=AS_OF, term=TERM, mentors=MENTORS).document
    again = yrkesresan.coordinate(gr, list(reversed(persons)), as_of=AS_OF, term=TERM,
                                  mentors=list(reversed(MENTORS))).document
    assert first["supervision"] == again["supervision"]
    assert first["mentoring"][0]["pairs"] == again["mentoring"][0]["pairs"]


def test_mentors_as_a_frame_and_records_as_json_text(gr: yrkesresan.Program) -> None:
    mentors = pd.DataFrame(MENTORS).assign(profession_start=lambda f: pd.to_datetime(f["profession_start"]))
    persons = [json.dumps(p, default=str) for p in region()]
    report = yrkesresan.coordinate(gr, persons, as_of=AS_OF, term=TERM, mentors=mentors, language="en")
    assert len(report.pairs) == 3
    assert report.unmatched.loc[0, "message"].startswith("There is one possible mentor")


def test_errors_point_into_the_request(gr: yrkesresan.Program) -> None:
    persons = region()
    persons[4]["employment_start"] = "2026-02-30"
    with pytest.raises(yrkesresan.Error) as e:
        yrkesresan.coordinate(gr, persons, as_of=AS_OF, term=TERM)
    assert e.value.path == "/persons/4/employment_start"
    with pytest.raises(TypeError):
        yrkesresan.coordinate(gr, region(), as_of=datetime.datetime(2026, 12, 1), term=TERM)  # type: ignore[arg-type]


def test_groups_over_a_frame_reach_the_lower_bound() -> None:
    # One municipality holding most: N = 5, 6, 9, 13, 15, 17.
    for n in (5, 6, 9, 13, 15, 17):
        frame = pd.DataFrame({"id": [f"p-{i:02d}" for i in range(n)],
                              "municipality": ["goteborg"] * (n - 2) + ["ale", "lerum"]})
        out = yrkesresan.form_supervision_groups(frame, min_size=6, max_size=8)
        objective = out.attrs["objective"]
        assert objective["same_municipality_pairs"] == objective["pairs_lower_bound"]
        placed = out["group"].notna()
        assert int(placed.sum()) == objective["placed"] == (0 if n < 6 else min(n, (n // 6) * 8))
        sizes = out[placed].groupby("group").size()
        assert sizes.between(6, 8).all()
        expected = "too_few_people" if n < 6 else "groups_full"
        assert set(out.loc[~placed, "reason"]) <= {expected}


def test_groups_latest_start_waits() -> None:
    frame = pd.DataFrame({"id": [f"p-{i:02d}" for i in range(17)],
                          "municipality": ["goteborg"] * 13 + ["ale"] * 2 + ["lerum"] * 2,
                          "start_by": pd.date_range("2027-01-31", periods=17, freq="D")})
    out = yrkesresan.form_supervision_groups(frame, min_size=6, max_size=8)
    assert list(out.loc[out["group"].isna(), "id"]) == ["p-12"]  # goteborg's latest


def test_matching_over_frames_is_maximum() -> None:
    adepts = pd.DataFrame({"id": ["a1", "a2"], "municipality": ["k1", "k2"], "experience_months": [30, 30]})
    mentors = pd.DataFrame({"id": ["m1", "m2"], "municipality": ["k2", "k3"], "experience_months": [60, 60],
                            "capacity": [1, 1]})
    out = yrkesresan.match_mentors(adepts, mentors)
    assert list(out["mentor"]) == ["m1", "m2"]
    assert out.attrs["remaining_capacity"] == [0, 0]
    alone = yrkesresan.match_mentors(adepts.iloc[:1], mentors.iloc[:1].assign(municipality="k1"))
    assert alone.loc[0, "reason"] == "no_eligible_mentor"
    assert pd.isna(alone.loc[0, "mentor"])


def test_matching_agrees_with_exhaustive_search() -> None:
    import random
    rng = random.Random(6)
    for _ in range(60):
        am = [rng.choice("xyz") for _ in range(5)]
        ae = [rng.randint(24, 30) for _ in range(5)]
        mm = [rng.choice("xyz") for _ in range(3)]
        me = [rng.randint(24, 34) for _ in range(3)]
        mc = [rng.randint(0, 2) for _ in range(3)]
        adepts = pd.DataFrame({"id": [f"a{i}" for i in range(5)], "municipality": am, "experience_months": ae})
        mentors = pd.DataFrame({"id": [f"m{i}" for i in range(3)], "municipality": mm, "experience_months": me,
                                "capacity": mc})
        out = yrkesresan.match_mentors(adepts, mentors)
        best = 0
        for choice in itertools.product(range(-1, 3), repeat=5):
            used = [0, 0, 0]
            ok = True
            for a, m in enumerate(choice):
                if m >= 0:
                    used[m] += 1
                    ok = ok and am[a] != mm[m] and me[m] > ae[a] and used[m] <= mc[m]
            if ok:
                best = max(best, sum(m >= 0 for m in choice))
        assert int(out["mentor"].notna().sum()) == best


def test_frame_errors() -> None:
    with pytest.raises(yrkesresan.Error) as e:
        yrkesresan.form_supervision_groups(pd.DataFrame({"id": ["a"], "kommun": ["x"]}), min_size=6, max_size=8)
    assert e.value.path == "/candidates/kommun"
    with pytest.raises(yrkesresan.Error) as e:
        yrkesresan.form_supervision_groups(pd.DataFrame({"id": ["a", "a"], "municipality": ["x", "y"]}),
                                           min_size=1, max_size=2)
    assert e.value.code == "duplicate_id"
    with pytest.raises(yrkesresan.Error):
        yrkesresan.form_supervision_groups(pd.DataFrame({"id": ["a"], "municipality": ["x"]}), min_size=3, max_size=2)


# ---- R7: groups for an annual activity ----------------------------

COUNTY = ["alvkarleby", "enkoping", "habo", "heby", "knivsta", "osthammar", "tierp", "uppsala"]


@pytest.fixture(scope="module")
def county_program() -> yrkesresan.Program:
    """Annual activities as Uppsala's: yrkeshandledning mixing municipalities
    with no size set (the seed sets none), a workshop whose program sets one."""
    return yrkesresan.Program.from_json({
        "format": 1, "id": "lan-test", "version": "1", "valid_from": "2019-01-01", "title": "Länsgemensamt",
        "phases": [{"id": "medarbetare", "label": "Medarbetare", "from_months": 0}],
        "checklists": [{"id": "c", "label": "C", "sections": [{"id": "s", "label": "S",
                                                                "items": [{"id": "x", "label": "X"}]}]}],
        "components": [
            {"id": "yrkeshandledning", "kind": "annual", "label": "Yrkeshandledning", "per_year": 4,
             "group": {"mix_municipalities": True}},
            {"id": "workshop", "kind": "annual", "label": "Workshop", "per_year": 1,
             "group": {"mix_municipalities": True, "min": 4, "max": 6}},
        ],
    })


def county() -> List[Dict[str, Any]]:
    """Three employees in each of eight municipalities, one joining in
    September 2027, one hired for 2028."""
    persons = [person(f"{m}-{i}", m, f"20{19 + i}-0{1 + k % 9}-01") for k, m in enumerate(COUNTY) for i in range(3)]
    return persons + [person("tierp-new", "tierp", "2027-09-01"), person("heby-2028", "heby", "2028-02-01")]


def test_annual_groups_mix_municipalities(county_program: yrkesresan.Program, root: Path) -> None:
    report = yrkesresan.coordinate(county_program, county(), as_of=AS_OF, term=TERM,
                                   annual_groups=[{"component": "yrkeshandledning", "year": np.int64(2027),
                                                   "group": {"min": 6, "max": np.int32(8)}}])
    plan = report.document["annual_groups"][0]
    assert plan["group"] == {"min": 6, "max": 8, "mix_municipalities": True, "size_from": "request"}
    assert plan["candidates"] == 25  # not heby-2028
    groups = report.annual_groups
    assert len(groups) == 25 and set(groups["year"]) == {2027}
    # No two from one municipality in a group: the numbers allow it.
    assert groups.groupby("group")["municipality"].agg(lambda s: s.value_counts().max()).max() == 1
    assert groups.loc[groups["person"] == "tierp-new", "joins_on"].tolist() == [datetime.date(2027, 9, 1)]
    assert groups.loc[groups["person"] != "tierp-new", "joins_on"].isna().all()
    assert report.annual_unplaced.empty
    assert report.summary["annual_groups"] == 4
    assert "4 annual groups" in repr(report)
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((root / "data" / "schema" / "coordination.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report.document)

    # The program's size where it sets one; the year of the term's start by default.
    workshop = yrkesresan.coordinate(county_program, county(), as_of=AS_OF, term=TERM,
                                     annual_groups=[{"component": "workshop"}]).document["annual_groups"][0]
    assert workshop["year"] == 2027
    assert workshop["group"]["size_from"] == "program"
    assert (workshop["group"]["min"], workshop["group"]["max"]) == (4, 6)


def test_annual_groups_without_a_size_is_a_typed_error(county_program: yrkesresan.Program) -> None:
    with pytest.raises(yrkesresan.Error) as e:
        yrkesresan.coordinate(county_program, county(), as_of=AS_OF, term=TERM,
                              annual_groups=[{"component": "workshop"}, {"component": "yrkeshandledning"}])
    assert e.value.code == "missing_field"
    assert e.value.path == "/annual_groups/1/group"
    with pytest.raises(yrkesresan.Error) as e:
        yrkesresan.coordinate(county_program, county(), as_of=AS_OF, term=TERM,
                              annual_groups=[{"component": "workshop", "group": {"min": 6, "max": 8}}])
    assert (e.value.code, e.value.path) == ("invalid_value", "/annual_groups/0/group")
    with pytest.raises(yrkesresan.Error) as e:
        yrkesresan.coordinate(county_program, county(), as_of=AS_OF, term=TERM,
                              annual_groups=[{"component": "mentor", "group": {"min": 6, "max": 8}}])
    assert (e.value.code, e.value.path) == ("unknown_reference", "/annual_groups/0/component")


def test_annual_groups_the_latest_to_join_waits(county_program: yrkesresan.Program) -> None:
    persons = [person("a-1", "uppsala", "2020-01-01"), person("a-2", "uppsala", "2020-01-01"),
               person("a-3", "uppsala", "2027-03-01"), person("b-1", "tierp", "2020-01-01"),
               person("b-2", "tierp", "2020-01-01"), person("c-1", "heby", "2020-01-01"),
               person("c-2", "heby", "2020-01-01"), person("d-1", "habo", "2020-01-01"),
               person("e-1", "knivsta", "2020-01-01")]
    report = yrkesresan.coordinate(county_program, persons, as_of=AS_OF, term=TERM, language="en",
                                   annual_groups=[{"component": "yrkeshandledning", "group": {"min": 4, "max": 4}}])
    unplaced = report.annual_unplaced
    assert list(unplaced["person"]) == ["a-3"]
    assert list(unplaced["reason"]) == ["groups_full"]
    assert unplaced.loc[0, "message"].startswith("Every group has 4 members")
    assert report.annual_groups.groupby("group")["municipality"].agg(lambda s: s.value_counts().max()).max() == 1


def test_uppsala_annual_groups_need_the_coordinators_size() -> None:
    uppsala = yrkesresan.Program.builtin("uppsala-bistand-lss")
    with pytest.raises(yrkesresan.Error) as e:
        yrkesresan.coordinate(uppsala, county(), as_of=AS_OF, term=TERM, annual_groups=[{"component": "workshop"}])
    assert (e.value.code, e.value.path) == ("missing_field", "/annual_groups/0/group")
    report = yrkesresan.coordinate(uppsala, county(), as_of=AS_OF, term=TERM,
                                   annual_groups=[{"component": "yrkeshandledning", "group": {"min": 6, "max": 8}}])
    groups = report.annual_groups
    assert groups["group"].nunique() == 4
    assert (groups.groupby("group")["municipality"].nunique() == groups.groupby("group").size()).all()
