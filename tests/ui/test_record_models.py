"""The record's table models: thin adapters over domain dataclasses, checked by qtmodeltester."""

from __future__ import annotations

import datetime as dt

import pytest
import record_fixtures  # noqa: F401 - sets the offscreen platform before Qt starts
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from entre_desktop.domain.models import (
    Assessment,
    AttachmentInfo,
    ClientRecord,
    Consent,
    ContactEntry,
    Note,
    PlanAction,
    PlanVersion,
    Referral,
    ReleasePlan,
    RiskFlag,
    StageChange,
)
from entre_desktop.domain.stages import Stage
from ui.record.glance import glance
from ui.record.models import (
    AreaHeading,
    AssessmentModel,
    AttachmentModel,
    ConsentModel,
    ContactModel,
    ItemTableModel,
    NoteModel,
    PlanActionModel,
    PlanVersionModel,
    ReferralModel,
    RiskFlagModel,
    StageHistoryModel,
    human_size,
)

D = dt.date
TODAY = D(2026, 11, 24)


def _action(n: int, area: str, status: str = "planned") -> PlanAction:
    return PlanAction(id=f"a{n}", area=area, goal=f"Goal {n}", action=f"Action {n}", agency_id=None,
                      agency_name="Socialtjänsten", contact_name="Eva", due_on=D(2027, 1, n), status=status)


STAGES = (StageChange("s1", None, Stage.REFERRED, D(2026, 1, 2), "", "olle"),
          StageChange("s2", Stage.REFERRED, Stage.ASSESSED, D(2026, 2, 3), "Interview\ndone", "olle"))
NOTES = (Note("n1", "2026-03-01T10:00:00+00:00", "olle", "First note", None),
         Note("n2", "2026-03-02T11:30:00+00:00", "cora", "Corrected note", "n1"))
ASSESSMENTS = (Assessment("x1", D(2026, 1, 5), "EDR", "olle", "", {"motivation": 2, "housing": 1}),
               Assessment("x2", D(2026, 6, 5), "EDR", "olle", "Better", {"motivation": 4, "housing": 1}))
CONTACTS = (ContactEntry("c1", D(2026, 11, 1), "meeting", True, 4, "Talked", "olle"),
            ContactEntry("c2", D(2026, 11, 10), "phone", False, None, "", "olle"),
            ContactEntry("c3", D(2026, 9, 1), "visit", True, 2, "Long ago", "olle"))
CONSENTS = (Consent("k1", "g1", "Socialtjänsten", ("accommodation",), D(2026, 1, 1), D(2027, 1, 1), None),
            Consent("k2", "g2", "EXIT", ("safety",), D(2025, 1, 1), D(2025, 12, 31), None),
            Consent("k3", "g3", "Komvux", ("work_education",), D(2026, 1, 1), D(2027, 1, 1), D(2026, 5, 1)))
REFERRALS = (Referral("r1", "g1", "Socialtjänsten", "k1", D(2026, 2, 1), "Housing", "sent"),)
FLAGS = (RiskFlag("f1", "old_milieu_contact", "Seen with the group", D(2026, 12, 1), True),
         RiskFlag("f2", "threats", "", D(2026, 12, 1), False))
ACTIONS = (_action(1, "accommodation", "done"), _action(2, "accommodation"), _action(3, "safety", "cancelled"),
           _action(4, "unknown_area"))
VERSION = PlanVersion("v1", "p1", 1, "issued", "", "", "", "", "", "", "", "agrees", "cora",
                      "2026-06-01T08:00:00+00:00", "2026-06-02T08:00:00+00:00", "ab" * 32, ACTIONS)
ATTACHMENTS = (AttachmentInfo("t1", "intyg.pdf", "application/pdf", 2048, "2026-04-01T09:00:00+00:00", "olle"),)


def _filled(model_class: type[ItemTableModel]) -> ItemTableModel:
    model = model_class()
    fill = {
        StageHistoryModel: lambda m: m.set_stages(STAGES),
        AssessmentModel: lambda m: m.set_assessments(ASSESSMENTS),
        ContactModel: lambda m: m.set_contacts(CONTACTS),
        NoteModel: lambda m: m.set_notes(NOTES),
        ConsentModel: lambda m: m.set_consents(CONSENTS, TODAY),
        ReferralModel: lambda m: m.set_referrals(REFERRALS),
        RiskFlagModel: lambda m: m.set_flags(FLAGS),
        PlanActionModel: lambda m: m.set_actions(ACTIONS),
        PlanVersionModel: lambda m: m.set_versions((VERSION,)),
        AttachmentModel: lambda m: m.set_attachments(ATTACHMENTS),
    }
    fill[model_class](model)
    return model


MODELS = [StageHistoryModel, AssessmentModel, ContactModel, NoteModel, ConsentModel, ReferralModel, RiskFlagModel,
          PlanActionModel, PlanVersionModel, AttachmentModel]


@pytest.mark.parametrize("model_class", MODELS, ids=lambda c: c.__name__)
def test_every_model_passes_qtmodeltester(qtmodeltester: ModelTester, model_class: type[ItemTableModel]) -> None:
    empty = model_class()
    qtmodeltester.check(empty)
    model = _filled(model_class)
    qtmodeltester.check(model)
    assert model.rowCount() > 0 and model.columnCount() > 0
    for row in range(model.rowCount()):
        assert model.index(row, 0).data(Qt.ItemDataRole.UserRole) is model.item(row)
        for column in range(model.columnCount()):
            assert isinstance(model.index(row, column).data(), str)
    assert all(isinstance(model.headerData(c, Qt.Orientation.Horizontal), str) for c in range(model.columnCount()))
    model.clear()  # resets are watched by the tester as well
    assert model.rowCount() == 0


def test_notes_are_newest_first_with_links_both_ways() -> None:
    model = _filled(NoteModel)
    assert [model.item(r).id for r in range(2)] == ["n2", "n1"]
    assert model.index(0, 3).data().startswith("Corrects the note of")
    assert model.index(1, 3).data().startswith("Corrected on")
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()


def test_plan_actions_are_grouped_under_all_eight_areas() -> None:
    model = _filled(PlanActionModel)
    headings = [model.item(r) for r in range(model.rowCount()) if model.is_heading(r)]
    assert len(headings) == 9  # the eight areas, then the unknown one at the end
    assert headings[0] == AreaHeading("accommodation", 1, 2)
    assert model.index(0, 0).data() == "Accommodation — 1 of 2 done"
    assert model.index(5, 0).data() == "Health — no actions yet"
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_consent_states_and_active_flags() -> None:
    consents = _filled(ConsentModel)
    assert [consents.index(r, 5).data() for r in range(3)] == ["valid", "withdrawn", "expired"]
    flags = _filled(RiskFlagModel)
    assert flags.rowCount() == 1 and flags.index(0, 0).data() == "old milieu contact"


def test_sizes_are_human() -> None:
    assert [human_size(n) for n in (12, 2048, 5 * 1024 * 1024)] == ["12 B", "2.0 KB", "5.0 MB"]


def test_the_four_strands_at_a_glance() -> None:
    from entre_desktop.domain.models import Client

    client = Client("c", "Anna", "19811218-9876", "personnummer", D(1981, 12, 18), "", False, "", "", "", "")
    plan = ReleasePlan("p1", "cora", None, (VERSION,))
    record = ClientRecord(client=client, stage=Stage.ASSESSED, custody=None, stages=STAGES,
                          assessments=ASSESSMENTS, contacts=CONTACTS, plan=plan)
    g = glance(record, TODAY)
    assert (g.actions_done, g.actions_total, g.goals) == (1, 3, 3)  # the cancelled action does not count
    assert g.latest is not None and g.latest.id == "x2" and g.latest_mean == 2.5
    assert (g.domains_up, g.domains_down, g.domains_compared) == (1, 0, 2)
    assert (g.meetings_recent, g.missed_recent, g.engagement_recent) == (1, 1, 4)
    assert g.last_contact == D(2026, 11, 10)
    assert (g.stage, g.stage_since) == (Stage.ASSESSED, D(2026, 2, 3))
