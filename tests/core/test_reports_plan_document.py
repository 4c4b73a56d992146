"""The plan value object, its content hash, and which parts each printed copy may show."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from typing import Any

import pytest

from entre_desktop.errors import ValidationError
from entre_desktop.reports.plan_document import (
    AREAS,
    DOMAINS,
    AssessmentPoint,
    Consent,
    PlanDocument,
    PrintMetadata,
    content_hash,
)
from entre_desktop.reports.plan_view import plan_view
from entre_desktop.reports.sample import (
    EMPLOYMENT_SERVICE,
    SAMPLE_ADDRESS,
    SOCIAL_INSURANCE,
    SOCIAL_SERVICES,
    sample_plan_document,
)
from entre_desktop.reports.text import Tr

EN = Tr("en")


def _printing(doc: PlanDocument, **changes: Any) -> PlanDocument:
    return dataclasses.replace(doc, printing=dataclasses.replace(doc.printing, **changes))


def test_constants_list_the_codes_in_plan_order() -> None:
    assert AREAS[0] == "accommodation" and AREAS[-1] == "safety" and len(AREAS) == 8
    assert DOMAINS[0] == "motivation" and DOMAINS[-1] == "staff_relation" and len(DOMAINS) == 10


def test_content_hash_ignores_print_metadata() -> None:
    internal = sample_plan_document(variant="internal", language="en")
    agency = _printing(internal, variant="agency", recipient_agency_id=SOCIAL_SERVICES, copy_number=3)
    reprinted = _printing(internal, printed_at=internal.printing.printed_at + dt.timedelta(days=3), is_demo=False)
    assert content_hash(internal) == content_hash(agency) == content_hash(reprinted)
    assert len(content_hash(internal)) == 64


def test_content_hash_changes_with_content() -> None:
    doc = sample_plan_document(variant="internal", language="en")
    assert content_hash(doc) != content_hash(dataclasses.replace(doc, version=4))
    renamed = dataclasses.replace(doc, client=dataclasses.replace(doc.client, name="Other Person"))
    assert content_hash(doc) != content_hash(renamed)


def test_content_hash_treats_composed_and_decomposed_text_alike() -> None:
    doc = sample_plan_document(variant="internal", language="sv")
    name = "Åsa Öberg"
    composed = dataclasses.replace(doc, client=dataclasses.replace(doc.client, name=unicodedata.normalize("NFC", name)))
    decomposed = dataclasses.replace(
        doc, client=dataclasses.replace(doc.client, name=unicodedata.normalize("NFD", name))
    )
    assert content_hash(composed) == content_hash(decomposed)


def test_invariants_are_checked_at_construction() -> None:
    doc = sample_plan_document(variant="internal", language="en")
    with pytest.raises(ValueError, match="timezone-aware"):
        dataclasses.replace(doc.printing, printed_at=dt.datetime(2025, 3, 31, 10, 0))
    with pytest.raises(ValueError, match="recipient_agency_id"):
        dataclasses.replace(doc.printing, variant="agency")
    with pytest.raises(ValueError, match="recipient_agency_id"):
        dataclasses.replace(doc.printing, recipient_agency_id=SOCIAL_SERVICES)
    with pytest.raises(ValueError, match="checksum"):
        dataclasses.replace(doc, status="issued", checksum=None)
    with pytest.raises(ValueError, match="rating"):
        AssessmentPoint(on=dt.date(2025, 1, 1), ratings={"motivation": 6})
    with pytest.raises(ValueError, match="area"):
        Consent(agency_id="x", agency_name="X", areas=frozenset({"gardening"}), valid_until=dt.date(2026, 1, 1))  # type: ignore[arg-type]


def test_assessment_ratings_cannot_be_changed_after_construction() -> None:
    ratings = {"motivation": 3}
    point = AssessmentPoint(on=dt.date(2025, 1, 1), ratings=ratings)  # type: ignore[arg-type]
    ratings["motivation"] = 1
    assert point.ratings["motivation"] == 3
    with pytest.raises(TypeError):
        point.ratings["motivation"] = 2  # type: ignore[index]


def test_internal_view_shows_everything_but_a_protected_address() -> None:
    doc = sample_plan_document(variant="internal", language="en")
    view = plan_view(doc, EN)
    assert view.show_risk and view.show_chart and not view.plain_language
    assert view.actions == doc.actions and view.consents == doc.consents
    assert view.address_line == "Protected address — held by the service"


def test_unprotected_address_is_shown_on_the_internal_copy_only() -> None:
    doc = sample_plan_document(variant="internal", language="en")
    doc = dataclasses.replace(doc, client=dataclasses.replace(doc.client, protected_address=False))
    assert plan_view(doc, EN).address_line == SAMPLE_ADDRESS
    client = _printing(doc, variant="client")
    agency = _printing(doc, variant="agency", recipient_agency_id=SOCIAL_SERVICES)
    assert plan_view(client, EN).address_line is None
    assert plan_view(agency, EN).address_line is None


def test_agency_view_keeps_only_the_consented_areas() -> None:
    doc = sample_plan_document(variant="agency", language="en", recipient_agency_id=EMPLOYMENT_SERVICE)
    view = plan_view(doc, EN)
    assert view.areas == ("work_education",)
    assert view.actions and {a.area for a in view.actions} == {"work_education"}
    assert [c.agency_id for c in view.consents] == [EMPLOYMENT_SERVICE]
    assert all(item.area in (None, "work_education") for item in view.appointments)
    assert all(item.area in (None, "work_education") for item in view.contacts)
    assert all(item.area in (None, "work_education") for item in view.client_goals)
    assert all(item.area in (None, "work_education") for item in view.special_conditions)
    assert all(entry.agency_id in (None, EMPLOYMENT_SERVICE) for entry in view.distribution)
    assert not view.show_risk and not view.show_chart
    assert len(view.special_conditions) < len(doc.key_dates.special_conditions)


def test_client_view_has_plain_language_and_no_risk_or_chart() -> None:
    view = plan_view(sample_plan_document(variant="client", language="en"), EN)
    assert view.plain_language and not view.show_risk and not view.show_chart


@pytest.mark.parametrize(
    ("agency_id", "printed_on"),
    [
        (SOCIAL_INSURANCE, dt.date(2025, 3, 31)),  # consent withdrawn on 2025-03-10
        ("unknown-agency", dt.date(2025, 3, 31)),  # no consent at all
        (EMPLOYMENT_SERVICE, dt.date(2026, 1, 1)),  # consent valid until 2025-12-31
    ],
)
def test_agency_copy_without_valid_consent_is_refused(agency_id: str, printed_on: dt.date) -> None:
    doc = sample_plan_document(variant="internal", language="en")
    printed_at = dt.datetime.combine(printed_on, dt.time(9, 0), tzinfo=dt.timezone(dt.timedelta(hours=1)))
    doc = _printing(doc, variant="agency", recipient_agency_id=agency_id, printed_at=printed_at)
    with pytest.raises(ValidationError) as caught:
        plan_view(doc, EN)
    assert "no valid consent" in str(caught.value)
    assert caught.value.field == "recipient_agency_id"


def test_consent_is_valid_on_its_last_day() -> None:
    doc = sample_plan_document(variant="internal", language="en")
    last_day = dt.datetime(2025, 12, 31, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    doc = _printing(doc, variant="agency", recipient_agency_id=EMPLOYMENT_SERVICE, printed_at=last_day)
    assert plan_view(doc, EN).recipient is not None


def test_print_metadata_is_keyword_only() -> None:
    with pytest.raises(TypeError):
        PrintMetadata("internal", "en", 1, dt.datetime(2025, 1, 1, tzinfo=dt.UTC), "x", "0")  # type: ignore[call-arg]
