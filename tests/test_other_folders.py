"""Other programmes' knowledge folders, used as a new user would: indexed with the real command,
then searched and asked with no code change.

`tests/data/other-programme` (a ports programme in England) and `tests/data/other-country` (a
makers programme in Ireland, with Eircodes and euro) each name their catalogue fields their own
way: through `catalogue/schema.yaml`, a file's own `fields:` mapping, or common names.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.factory import Components, build
from knowledge.documents import DocType
from knowledge.stores import Filters

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
FOLDERS = {
    "other-programme": DATA / "other-programme" / "knowledge",
    "other-country": DATA / "other-country" / "knowledge",
    # written by a writer outside the team from the knowledge folder's README alone
    "marine-programme": DATA / "marine-programme" / "knowledge",
    # a food and drink programme in Scotland, written the same way
    "food-programme": DATA / "food-programme" / "knowledge",
}

pytestmark = pytest.mark.slow  # the command loads the model and embeds four folders


def _cli(data_dir: Path, *args: str, knowledge: Path | None = None
         ) -> subprocess.CompletedProcess[str]:
    """The command, as a user runs it."""
    where = ["--knowledge", str(knowledge)] if knowledge else []
    return subprocess.run(
        [sys.executable, "-m", "connectors.cli", *where, "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=900, check=False, cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k not in ("SSR_KNOWLEDGE_DIR",
                                                               "SSR_CHROMA_URL")})


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both folders indexed by the command line into one temporary data directory."""
    folder = tmp_path_factory.mktemp("other-folders-data")
    result = _cli(folder, "ingest", *map(str, FOLDERS.values()), "--json")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    reports = json.loads(result.stdout)
    for report in reports:
        assert report["failed"] == [] and report["skipped"] == [], report
        assert report["documents"]["added"] > 0
    assert "schema.yaml" not in result.stdout + result.stderr
    return folder


@pytest.fixture(scope="module")
def indexed(data_dir: Path, embedder, make_settings) -> dict[str, Components]:
    """The command's indexes, opened in this process with the session's model."""
    components = {}
    for name, folder in FOLDERS.items():
        components[name] = build(make_settings(data_dir), folder, progress=False,
                                 embedder=embedder)
        again = components[name].ingestor.ingest()
        assert again.ok and again.embedded == 0, "the command's index is the one searched"
    return components


def _catalogue_hit(components: Components, question: str):
    hits = components.retriever.search(question, k=3,
                                       filters=Filters(doc_type=DocType.CATALOGUE.value))
    assert hits, question
    return hits[0].chunk


@pytest.mark.parametrize(("folder", "question", "name", "partner"), [
    # test-sites.csv: Facility, Organisation, Site postcode (common names)
    ("other-programme", "Where can we trial battery swapping for electric terminal tractors?",
     "Quayside battery swap test bay", "Humber Terminal Operators Ltd"),
    # partner-teams.json: team, organisation, expertise (common names)
    ("other-programme", "Who can help a small firm report its scope 1 and scope 2 emissions?",
     "Estuary Decarbonisation Data Team", "Estuary Growth Partnership"),
    # skills-courses.yaml: course, trainer, covers (mapped by catalogue/schema.yaml)
    ("other-programme", "Is there a course for technicians on repairing turbine blades?",
     "Wind turbine blade repair technician course", "Holm Composite Services"),
    # centres.csv: Centre, Host body, Eircode (mapped by catalogue/schema.yaml)
    ("other-country", "Where can we get a broken plastic part tested for failure analysis?",
     "Shannon Materials Centre", "Mid-West Technological University"),
    # research-groups.json: title, institution, eircode, areas_of_expertise (common names)
    ("other-country", "Who knows about machining titanium and tool wear?",
     "Precision Machining and Tooling Group", "Shannon Engineering Institute"),
    # mentors.yaml: mentor, firm, helps_with (its own fields: mapping)
    ("other-country", "A mentor who can help with lean manufacturing and 5S",
     "Aoife Brennan", "Brennan Lean Consulting"),
])
def test_catalogue_records_with_renamed_fields_are_found_with_their_partner(
        indexed: dict[str, Components], folder: str, question: str, name: str,
        partner: str) -> None:
    chunk = _catalogue_hit(indexed[folder], question)
    assert (chunk.title, chunk.partner) == (name, partner)


def test_a_facility_question_is_signposted_with_its_partner(
        indexed: dict[str, Components]) -> None:
    reply = indexed["other-country"].assistant.ask(
        "We make sauces in Ennis. Is there a facility where we could run shelf-life trials "
        "and scale up a recipe?")
    signposts = {s.name: s for s in reply.signposts}
    assert "Clare Food Innovation Kitchen" in signposts, reply.answer
    kitchen = signposts["Clare Food Innovation Kitchen"]
    assert kitchen.partner == "Clare Food Enterprise Co-operative"
    assert "V95 K8R2" in kitchen.location
    assert kitchen.source == "catalogue/centres.csv"


@pytest.mark.parametrize(("folder", "question", "words", "source"), [
    ("other-country", "When does round 4 of the Innovation Grant close?",
     ["30 April 2026"], "guidance/grants/innovation-grant.html"),
    ("other-country", "How many hours of mentoring can a business get?",
     ["10 hours"], "guidance/programme-overview.md"),
    ("other-programme", "How many hours of free one-to-one help from an adviser can my "
     "business get?", ["12 hours"], "guidance/frequently-asked-questions.md"),
])
def test_the_guidance_answers_a_plain_question_with_a_citation(
        indexed: dict[str, Components], folder: str, question: str, words: list[str],
        source: str) -> None:
    reply = indexed[folder].assistant.ask(question)
    assert reply.grounded, reply.answer
    assert all(word in reply.answer for word in words), reply.answer
    assert source in [c.source for c in reply.citations], reply.citations


def test_a_rig_from_a_mapped_csv_is_found_with_its_partner(data_dir: Path) -> None:
    result = _cli(data_dir, "ask", "--json",
                  "Is there a rig that can check valves for hydrogen leaks?",
                  knowledge=FOLDERS["other-programme"])
    assert result.returncode == 0, result.stderr
    text = json.dumps(json.loads(result.stdout))
    assert "Hydrogen leak-tightness chamber" in text
    assert "Estuary Hydrogen Lab" in text


def test_a_team_named_in_a_team_field_is_found(data_dir: Path) -> None:
    result = _cli(data_dir, "ask", "--json",
                  "Which research team could help us size shore power for our port?",
                  knowledge=FOLDERS["other-programme"])
    assert result.returncode == 0, result.stderr
    assert "Port Decarbonisation Analytics Group" in result.stdout


# --- eligibility from each folder's own policy (format 2), with no code change ---------------


def test_the_ports_policy_answers_eligibility_through_the_command(data_dir: Path) -> None:
    result = _cli(data_dir, "ask", "--json",
                  "We're a 30-person steel fabricator in Grimsby, DN31 3AA, trading for 6 "
                  "years with a turnover of £3m. Could we get the capital grant? The new "
                  "furnace would save about 40 tonnes of CO2e a year.",
                  knowledge=FOLDERS["other-programme"])
    assert result.returncode == 0, result.stderr
    reply = json.loads(result.stdout)
    first = reply["eligibility"][0]
    assert first["programme"] == "Clean Growth Capital Grant"
    criteria = {c["id"]: c for c in first["criteria"]}
    assert criteria["E2"]["met"] is True and criteria["E1"]["met"] is True
    assert criteria["C2"]["met"] is None  # the saving is read; the baseline is not known
    assert "40 tonnes of CO2e a year" in criteria["C2"]["explanation"]
    cited = criteria["E2"]["citation"]
    assert cited["source"] == "guidance/decarbonisation-strands.md"
    assert "E2" in cited["locator"]
    understood = {u["fact"]: u["value"] for u in reply["understood"]}
    assert understood["co2e_saving_tonnes"] == "40 tonnes of CO2e a year"


def test_the_marine_policy_knows_a_programme_by_its_initials(data_dir: Path) -> None:
    result = _cli(data_dir, "ask", "--json",
                  "Boatbuilders in Falmouth, TR11 4AA: 7 staff, turnover £650k, trading 11 "
                  "years, not insolvent. Can we apply for the BGG?",
                  knowledge=FOLDERS["marine-programme"])
    assert result.returncode == 0, result.stderr
    reply = json.loads(result.stdout)
    assert reply["eligibility"][0]["programme"] == "Blue Growth Grant"
    criteria = {c["id"]: c["met"] for c in reply["eligibility"][0]["criteria"]}
    assert criteria["BG-site"] is True and criteria["BG-size"] is True


def test_a_declared_fact_is_asked_and_a_bare_answer_settles_it(
        indexed: dict[str, Components]) -> None:
    assistant = indexed["other-programme"].assistant
    first = assistant.ask("Can we get the capital grant? We're a limited company, still "
                          "trading, 20 staff, turnover £2m, based in Hull HU9 1AA, trading since "
                          "2015, not insolvent, no arrears. The project saves 25 tonnes of "
                          "CO2e a year.")
    assert first.eligibility[0].programme == "Clean Growth Capital Grant"
    question = "Do you have a carbon baseline (12 months of emissions data) for the site?"
    assert question in first.answer, first.answer
    second = assistant.ask("yes", first.conversation_id)
    result = second.eligibility[0]
    assert result.programme == "Clean Growth Capital Grant"
    assert {c.id: c.met for c in result.criteria}["C2"] is True, second.answer


def test_a_programme_is_named_by_its_alias(indexed: dict[str, Components]) -> None:
    reply = indexed["other-programme"].assistant.ask(
        "Could we have the diagnostic? We're a 12-person haulage firm in Scunthorpe and we "
        "had a diagnostic in March 2025.")
    result = reply.eligibility[0]
    assert result.programme == "Net Zero Diagnostic"
    assert result.decision == "ineligible"
    assert [c.id for c in result.criteria if c.met is False] == ["D2"]


def test_the_irish_policy_places_an_eircode_and_points_outside_to_the_right_office(
        indexed: dict[str, Components]) -> None:
    assistant = indexed["other-country"].assistant
    inside = assistant.ask("We make bicycle parts at V94 T9PX, 8 staff, turnover €900k, "
                           "trading 4 years. Can we get the innovation grant?")
    site = {c.id: c for c in inside.eligibility[0].criteria}["area"]
    assert site.met is True, inside.answer
    outside = assistant.ask("We're a 15-person bakery equipment maker at T12 X2Y3 in Cork. "
                            "Are we eligible for the innovation grant?")
    result = outside.eligibility[0]
    assert result.decision == "ineligible"
    site = {c.id: c for c in result.criteria}["area"]
    assert site.met is False and "Local Enterprise Office in Cork" in site.explanation


def test_ingest_names_a_policy_citation_its_document_does_not_hold(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "knowledge"
    shutil.copytree(FOLDERS["marine-programme"], folder)
    policy = folder / "policy" / "programmes" / "blue-growth-grant.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("clause: KB-4.1}", "clause: KB-4.77}", 1), encoding="utf-8")
    result = _cli(tmp_path / "data", "ingest", str(folder), "--json")
    assert result.returncode == 0, result.stderr  # the rest is indexed
    (warning,) = json.loads(result.stdout)["warnings"]
    assert "'KB-4.77' is not in guidance/rules/kbef-eligibility-rules.md" in warning


def test_the_food_policy_reads_a_trade_told_without_an_article(
        indexed: dict[str, Components]) -> None:
    reply = indexed["food-programme"].assistant.ask(
        "I am owner of small brewery in Kirkcaldy, KY1 postcode. 9 people working, turnover 700 "
        "thousand pound, we open in 2016, no insolvency. Is possible to get the capital grant "
        "for new fermenting tanks, 60 thousand?")
    first = reply.eligibility[0]
    assert first.programme == "Food and Drink Capital Grant"
    assert first.decision == "eligible", reply.answer
    assert {u.fact: u.value for u in reply.understood}["sector_text"] == "small brewery"


@pytest.mark.parametrize("question", [
    "Who chairs the Market Ready Voucher approval panel?",
    "What would a day's booking of the filling hall cost us as a private customer?",
])
def test_the_food_folder_refuses_what_it_does_not_say(indexed: dict[str, Components],
                                                      question: str) -> None:
    reply = indexed["food-programme"].assistant.ask(question)
    assert reply.route == "programme_question"
    assert not reply.grounded, reply.answer
    assert "enquiries@tayfifeaccelerator.example" in reply.answer
