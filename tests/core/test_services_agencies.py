"""Agencies and their contact people."""

from __future__ import annotations

import pytest
from service_fixtures import ServiceDb, audit_fails, service_db_fixture  # noqa: F401

from entre_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from entre_desktop.services import agencies
from entre_desktop.services.changes import Kind


def test_add_agency_and_contact_then_list(service_db: ServiceDb) -> None:
    db = service_db
    probe = db.probe()
    agency_id, changes = agencies.add_agency(db.session, name="  Socialtjänsten   Örebro ", kind="social_services",
                                             phone="+46 19-21 10 00", address="Box 1, Örebro")
    assert changes.touches(Kind.AGENCIES)
    assert probe.changes() == [("agency", agency_id, "insert")]
    assert probe.audits() == [("create", agency_id, "agency")]
    probe = db.probe()
    contact_id, _ = agencies.add_agency_contact(db.session, agency_id, name="Sara Lind", role="Socialsekreterare",
                                                phone="019-21 10 01", email="sara.lind@orebro.se")
    assert probe.changes() == [("agency_contact", contact_id, "insert")]
    assert probe.audits() == [("create", agency_id, f"agency_contact:{contact_id}")]
    agencies.add_agency(db.session, name="Arbetsförmedlingen", kind="employment_service")

    listed = agencies.list_agencies(db.session)
    assert [a.name for a in listed] == ["Arbetsförmedlingen", "Socialtjänsten Örebro"]
    social = listed[1]
    assert (social.kind, social.phone, social.address) == ("social_services", "+46 19-21 10 00", "Box 1, Örebro")
    assert [(c.id, c.name, c.role, c.email) for c in social.contacts] == [
        (contact_id, "Sara Lind", "Socialsekreterare", "sara.lind@orebro.se")
    ]
    assert listed[0].contacts == ()
    assert agencies.get_agency(db.session, agency_id) == social


def test_update_agency(service_db: ServiceDb) -> None:
    db = service_db
    agency_id, _ = agencies.add_agency(db.session, name="EXIT", kind="other")
    probe = db.probe()
    changes = agencies.update_agency(db.session, agency_id, {"kind": "ngo", "name": "EXIT Fryshuset"})
    assert changes.touches(Kind.AGENCIES)
    assert probe.changes() == [("agency", agency_id, "update")]
    assert probe.audits() == [("update", agency_id, "agency:kind,name")]
    agency = agencies.get_agency(db.session, agency_id)
    assert (agency.name, agency.kind) == ("EXIT Fryshuset", "ngo")
    # Renaming an agency to its own name (other case) is not a clash with itself.
    agencies.update_agency(db.session, agency_id, {"name": "exit fryshuset"})


def test_every_kind_has_a_label() -> None:
    assert len(agencies.AGENCY_KINDS) == 13
    for kind in agencies.AGENCY_KINDS:
        assert agencies.agency_kind_label(kind) != kind


@pytest.mark.parametrize(
    ("fields", "field", "fragment"),
    [
        ({"name": "   ", "kind": "ngo"}, "name", "name is required"),
        ({"name": "x" * 201, "kind": "ngo"}, "name", "longer than 200"),
        ({"name": "A", "kind": "church"}, "kind", "not one of the choices"),
        ({"name": "A", "kind": "ngo", "phone": "call me"}, "phone", "not a phone number"),
    ],
)
def test_add_agency_validation(service_db: ServiceDb, fields: dict[str, str], field: str, fragment: str) -> None:
    before = service_db.snapshot()
    with pytest.raises(ValidationError) as caught:
        agencies.add_agency(service_db.session, **fields)
    assert caught.value.field == field and fragment in str(caught.value)
    assert service_db.snapshot() == before


def test_duplicate_names_are_refused_ignoring_case(service_db: ServiceDb) -> None:
    db = service_db
    agencies.add_agency(db.session, name="Östra socialtjänsten", kind="social_services")
    with pytest.raises(ConflictError, match="already registered"):
        agencies.add_agency(db.session, name="ÖSTRA  socialtjänsten", kind="social_services")
    other, _ = agencies.add_agency(db.session, name="Komvux", kind="adult_education")
    with pytest.raises(ConflictError):
        agencies.update_agency(db.session, other, {"name": "östra socialtjänsten"})


def test_contact_validation_and_unknown_agency(service_db: ServiceDb) -> None:
    db = service_db
    agency_id, _ = agencies.add_agency(db.session, name="Kronofogden", kind="enforcement_authority")
    with pytest.raises(ValidationError) as caught:
        agencies.add_agency_contact(db.session, agency_id, name="Per", email="per at kronofogden")
    assert caught.value.field == "email"
    with pytest.raises(ValidationError) as caught:
        agencies.add_agency_contact(db.session, agency_id, name="")
    assert caught.value.field == "name"
    with pytest.raises(NotFoundError, match="no agency"):
        agencies.add_agency_contact(db.session, "nope", name="Per")
    with pytest.raises(NotFoundError):
        agencies.update_agency(db.session, "nope", {"name": "X"})
    with pytest.raises(NotFoundError):
        agencies.get_agency(db.session, "nope")
    with pytest.raises(ValidationError, match="cannot be edited: deleted"):
        agencies.update_agency(db.session, agency_id, {"deleted": 1})


def test_officer_lists_but_cannot_manage(service_db: ServiceDb) -> None:
    db = service_db
    agency_id, _ = agencies.add_agency(db.session, name="Polisen", kind="police")
    officer = db.as_role("officer")
    assert [a.id for a in agencies.list_agencies(officer)] == [agency_id]
    with pytest.raises(PermissionDeniedError):
        agencies.add_agency(officer, name="X", kind="ngo")
    with pytest.raises(PermissionDeniedError):
        agencies.update_agency(officer, agency_id, {"phone": "112"})
    with pytest.raises(PermissionDeniedError):
        agencies.add_agency_contact(officer, agency_id, name="Kim")
    coordinator = db.as_role("coordinator")
    agencies.add_agency_contact(coordinator, agency_id, name="Kim")


def test_failed_write_leaves_nothing(service_db: ServiceDb) -> None:
    db = service_db
    before = db.snapshot()
    with audit_fails():
        agencies.add_agency(db.session, name="Försäkringskassan", kind="social_insurance")
    assert db.snapshot() == before
