"""Signposting: a need described as an SME would put it, to the facility or team that fits.

The expected records were chosen by reading the catalogue files in
knowledge/bundled/catalogue/, not from the signposter's output.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.factory import Components, build
from assistant.signposting import (
    Signposter,
    SignpostMatch,
    SignpostResult,
    location_of,
    stems,
    to_signposts,
)
from knowledge.manifest import CatalogueRecord

slow = pytest.mark.slow
OTHER_PROGRAMME = Path(__file__).resolve().parents[1] / "data" / "other-programme" / "knowledge"

# What the engine passes in: each hub's and pre-hub's catalogue slug and display name.
HUBS = {
    "net-zero-heat-hub": "Net Zero Carbon Heat Hub",
    "medtech-hub": "Medical Technologies Hub",
    "transport-hub": "Transport and Connectivity Hub",
    "quantum-prehub": "Quantum Technology Pre-Hub",
    "food-prehub": "Food Innovation Pre-Hub",
    "circular-economy-prehub": "Circular Economy Pre-Hub",
    "ai-robotics-prehub": "AI and Robotics Pre-Hub",
}

NEEDS = [
    ("we need to abuse-test a battery pack", "WMG Battery Abuse Testing Facility"),
    ("we want to prototype a medical device", "MTC Medical Device Prototyping Cell"),
    ("how do we qualify a 3D-printed part for our customer", "MTC Additive Manufacturing "
     "Qualification Team"),
    ("we need to test heat pumps", "Warwick School of Engineering Thermal Systems Laboratory"),
    ("we need to test heat pumps", "National Centre for the Decarbonisation of Heat"),
    ("we have to measure parts to micron accuracy", "MTC Metrology and Inspection Laboratory"),
    ("we want to make our food last longer on the shelf", "Centre for Formulation Engineering"),
    ("can we recycle rare-earth magnets", "Rare-Earth Magnet Recycling Pilot Line"),
    ("we want to automate a welding cell", "MTC Advanced Joining Laboratory"),
    ("we are building a quantum sensor for underground surveys",
     "UK Quantum Technology Hub in Sensing, Imaging and Timing"),
    ("we would like a digital twin of our line",
     "MTC Digital Twin and Virtual Commissioning Suite"),
    ("hydrogen fuel cell testing", "Centre for Fuel Cell and Hydrogen Research"),
    ("we make railway signalling equipment",
     "Birmingham Centre for Railway Research and Education"),
    ("we want to see inside our castings for porosity without cutting them open",
     "WMG X-ray Computed Tomography Facility"),
    ("can we try a collaborative robot on our packing line before buying one",
     "MTC Intelligent Automation Laboratory"),
    ("we want nurses to try our new device in a mock hospital ward",
     "Medical Devices Testing and Evaluation Centre (MD-TEC)"),
    ("we want to recover lithium and cobalt from old electric car batteries",
     "ReLiB Lithium-ion Battery Recycling Team"),
    ("could used electric vehicle batteries store energy for a building",
     "WMG Battery Second-Life and Repurposing Laboratory"),
    ("we want to trial our connected car technology on real roads",
     "Midlands Future Mobility Test Environment"),
    ("map the efficiency of our electric motor and inverter",
     "WMG Electrical Machines and Power Electronics Laboratory"),
    ("swap virgin plastic for a recycled grade in our moulded part",
     "WMG Polymer and Composites Processing Laboratory"),
    ("we breed vegetables and want seed of old varieties", "UK Vegetable Genebank"),
    ("a security review of our connected medical device against hackers",
     "WMG Cyber Security Centre"),
    ("cut set-up times on our CNC machines with better fixtures",
     "MTC Tooling and Fixturing Laboratory"),
    ("we need affordable wet lab bench space with Category 2 microbiology",
     "BioHub Birmingham"),
    ("run our lightweight tram prototype on a test track",
     "Very Light Rail National Innovation Centre"),
]


@pytest.fixture(scope="module")
def signposter(bundled: Components) -> Signposter:
    return Signposter(bundled.retriever, HUBS)


def _names(result: SignpostResult) -> list[str]:
    return [m.record.name for m in result.matches]


@slow
@pytest.mark.parametrize(("need", "expected"), NEEDS)
def test_need_finds_the_expected_record_in_the_top_3(signposter: Signposter, need: str,
                                                     expected: str) -> None:
    result = signposter.signpost(need)
    assert expected in _names(result), f"{need!r}: got {_names(result)}"


@slow
def test_matches_are_ranked_by_score(signposter: Signposter) -> None:
    result = signposter.signpost("test the inside of a printed part", k=5)
    assert len(result.matches) == 5
    scores = [m.score for m in result.matches]
    assert scores == sorted(scores, reverse=True)


@slow
def test_partner_filter_gives_only_that_partner(signposter: Signposter) -> None:
    result = signposter.signpost("battery testing", k=5, partner="WMG")
    assert len(result.matches) == 5
    assert all(m.record.get("partner") == "WMG" for m in result.matches)
    assert "WMG Battery Abuse Testing Facility" in _names(result)


@slow
def test_partner_filter_matches_a_short_form_of_the_name(signposter: Signposter) -> None:
    result = signposter.signpost("heat pump testing", partner="warwick")
    assert result.matches
    assert all(m.record.get("partner") == "University of Warwick" for m in result.matches)
    assert "Warwick School of Engineering Thermal Systems Laboratory" in _names(result)


@slow
def test_serves_filter_keeps_records_serving_that_programme(signposter: Signposter) -> None:
    result = signposter.signpost("testing", k=5, serves="medtech-hub")
    assert len(result.matches) == 5
    assert all("medtech-hub" in m.record.values("serves") for m in result.matches)
    assert result.talk_to == "Medical Technologies Hub"


@slow
def test_serves_filter_takes_the_programme_display_name(signposter: Signposter) -> None:
    by_name = signposter.signpost("sensors", serves="Quantum Technology Pre-Hub")
    assert by_name.matches
    assert all("quantum-prehub" in m.record.values("serves") for m in by_name.matches)


@slow
def test_sector_filter(signposter: Signposter) -> None:
    result = signposter.signpost("automation", k=4, sector="food and drink")
    assert result.matches
    for match in result.matches:
        assert any("food and drink" in s for s in match.record.values("sectors"))
    assert "MTC Intelligent Automation Laboratory" in _names(result)


@slow
def test_location_filter_by_town(signposter: Signposter) -> None:
    result = signposter.signpost("testing", k=5, location="Dudley")
    assert _names(result) == ["Very Light Rail National Innovation Centre"]


@slow
def test_location_filter_by_postcode_district_and_area(signposter: Signposter) -> None:
    district = signposter.signpost("seeds and crops", k=5, location="cv35")
    assert district.matches
    assert all(m.record.get("postcode") == "CV35 9EF" for m in district.matches)
    full = signposter.signpost("seeds and crops", k=5, location="CV35 7AA")
    assert _names(full) == _names(district)
    area = signposter.signpost("medical devices", k=5, location="B")
    assert area.matches
    assert all(str(m.record.get("postcode")).startswith("B1") for m in area.matches)


@slow
def test_filters_that_match_nothing_give_no_matches(signposter: Signposter) -> None:
    result = signposter.signpost("battery testing", partner="No Such Partner")
    assert result.matches == [] and result.talk_to is None
    assert to_signposts(result) == []


@slow
def test_why_names_the_matching_capabilities(signposter: Signposter) -> None:
    result = signposter.signpost("we need to abuse-test a battery pack")
    top = result.matches[0]
    assert top.record.name == "WMG Battery Abuse Testing Facility"
    assert "battery abuse testing" in top.why
    assert top.why.endswith(".") and top.why.count(". ") == 0
    heat = signposter.signpost("we need to test heat pumps")
    assert all("heat pump" in m.why for m in heat.matches[:2])


@slow
def test_why_uses_words_of_the_record_when_no_word_is_shared(signposter: Signposter) -> None:
    result = signposter.signpost("stop our sauces going off so quickly", k=3)
    need = set(stems("stop our sauces going off so quickly"))
    for match in result.matches:
        offered = match.record.values("capabilities") + match.record.values("equipment")
        assert not need & {s for item in offered for s in stems(item)}
        assert any(item in match.why for item in offered), match.why


@slow
def test_access_is_the_record_access_route(signposter: Signposter) -> None:
    result = signposter.signpost("nail penetration and crush tests on battery cells")
    top = result.matches[0]
    assert top.access == top.record.get("access_route") == "Subsidised day rate through SSR"


@slow
def test_talk_to_names_a_hub_for_a_transport_need(signposter: Signposter) -> None:
    result = signposter.signpost("we make railway signalling equipment and want to trial it")
    assert result.talk_to == "Transport and Connectivity Hub"
    assert result.matches[0].hub == "Transport and Connectivity Hub"


@slow
def test_each_match_names_a_programme_it_serves(signposter: Signposter) -> None:
    result = signposter.signpost("a quantum sensor for underground surveys", k=3)
    assert result.talk_to == "Quantum Technology Pre-Hub"
    for match in result.matches:
        served = {HUBS[s] for s in match.record.values("serves") if s in HUBS}
        assert match.hub in served


@slow
def test_hub_fits_the_need_among_the_programmes_a_record_serves(
        signposter: Signposter) -> None:
    # the quantum hub's record serves the quantum pre-hub, the transport hub and the medtech hub
    result = signposter.signpost("quantum imaging for hospital diagnostics",
                                 serves="medtech-hub", partner="University of Birmingham")
    quantum = next(m for m in result.matches
                   if m.record.name == "UK Quantum Technology Hub in Sensing, Imaging and Timing")
    assert quantum.hub in {"Quantum Technology Pre-Hub", "Medical Technologies Hub"}
    assert quantum.hub != "Transport and Connectivity Hub"


@slow
def test_no_hub_is_named_when_the_best_match_serves_none_of_them(
        signposter: Signposter, bundled: Components) -> None:
    need = "economic data on our region's labour market and supply chains"
    result = signposter.signpost(need)
    assert result.matches[0].record.values("serves") == ["business-futures"]
    assert result.matches[0].hub is None and result.talk_to is None
    named = Signposter(bundled.retriever, {**HUBS, "business-futures": "Business Futures"})
    assert named.signpost(need).talk_to == "Business Futures"


@slow
def test_without_programme_names_the_slug_is_named(bundled: Components) -> None:
    result = Signposter(bundled.retriever).signpost("we make railway signalling equipment")
    assert result.talk_to == "transport-hub"


@slow
def test_signposts_for_the_reply(signposter: Signposter, bundled: Components) -> None:
    result = signposter.signpost("a digital twin of our production line")
    signposts = to_signposts(result)
    assert [s.name for s in signposts] == _names(result)
    first, match = signposts[0], result.matches[0]
    assert first.partner == match.record.get("partner")
    assert first.url == match.record.get("url")
    assert first.why.startswith(match.why) and match.access in first.why
    assert str(match.record.get("postcode")) in first.location
    assert (bundled.knowledge_dir / first.source).is_file()


@slow
def test_bad_arguments_are_refused(bundled: Components) -> None:
    signposter = Signposter(bundled.retriever)
    with pytest.raises(ValueError, match="describe what the business needs"):
        signposter.signpost("   ")
    with pytest.raises(ValueError, match="k must be at least 1, got 0"):
        signposter.signpost("battery testing", k=0)
    with pytest.raises(ValueError, match="must not be blank"):
        Signposter(bundled.retriever, {"transport-hub": " "})


@slow
def test_another_programmes_catalogue_with_other_field_names(
        tmp_path: Path, embedder, make_settings) -> None:
    """Equipment with host_site, town and strand; experts with organisation and specialisms."""
    folder = tmp_path / "knowledge"
    # the catalogue alone: its guidance is indexed by the retrieval tests, and is slow to embed
    shutil.copytree(OTHER_PROGRAMME / "catalogue", folder / "catalogue")
    components = build(make_settings(tmp_path / "data"), folder, progress=False,
                       embedder=embedder)
    assert components.ingestor.ingest().ok
    signposter = Signposter(components.retriever)

    leaks = signposter.signpost("we need to calibrate our hydrogen leak sensors")
    top = leaks.matches[0]
    assert top.record.name == "Hydrogen leak detection and sensor test cabinet"
    assert "sensor calibration" in top.why
    assert top.access == ""  # the file has no access route field
    assert top.hub == "Hydrogen" and leaks.talk_to == "Hydrogen"
    signpost = to_signposts(leaks)[0]
    assert signpost.location == "Southbank Hydrogen Bay, Immingham"
    assert signpost.source == "catalogue/equipment.csv"

    shore = signposter.signpost("plugging ships into mains power at the quayside")
    assert "Tomasz Wiśniewski" in _names(shore)
    hull = signposter.signpost("inspect welds", location="Hull")
    assert hull.matches and all("Hull" in location_of(m.record) for m in hull.matches)
    assert _names(hull)[0] == "Phased array ultrasonic testing kit"
    chamber = signposter.signpost("grant applications", partner="Humber Chambers of Commerce")
    assert _names(chamber) == ["Farah Siddiqui"]


def test_stems_match_word_forms() -> None:
    assert stems("testing tests tested") == ["test", "test", "test"]
    assert stems("automation automated automate") == ["automat"] * 3
    assert stems("qualify qualification") == ["qualify", "qualify"]
    assert stems("measuring measurement") == ["measur", "measur"]
    assert stems("batteries battery") == ["battery", "battery"]
    assert stems("signalling signal") == ["signal", "signal"]
    assert stems("we need the process") == ["need", "process"]


def _record(**fields: str | list[str]) -> CatalogueRecord:
    return CatalogueRecord(name="Test rig", source="catalogue/kit.csv", locator="line 2",
                           fields={"name": "Test rig", **fields})


def test_location_adds_the_postcode_when_missing() -> None:
    assert location_of(_record(location="Ansty Park, Coventry", postcode="CV7 9JU")) == \
        "Ansty Park, Coventry CV7 9JU"
    assert location_of(_record(location="Edgbaston, Birmingham B15 2TT", postcode="B15 2TT")) == \
        "Edgbaston, Birmingham B15 2TT"
    assert location_of(_record(host_site="Quay Hall", town="Hull")) == "Quay Hall, Hull"
    assert location_of(_record()) == ""


def test_signposts_from_a_record_without_optional_fields() -> None:
    match = SignpostMatch(record=_record(), score=1.0, why="Test rig offers trials.", access="",
                          hub=None)
    [signpost] = to_signposts(SignpostResult(need="trials", matches=[match], talk_to=None))
    assert signpost.name == "Test rig" and signpost.why == "Test rig offers trials."
    assert signpost.partner == signpost.location == signpost.url == ""
    assert signpost.source == "catalogue/kit.csv"
