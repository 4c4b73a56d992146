"""The record's tabs: assessments and the chart, contacts, notes and corrections, stages,
consent and referrals, the release plan (roles), attachments."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from record_fixtures import (  # noqa: F401 - fixtures are used by name
    WAIT_MS,
    Prompts,
    admin_record_fixture,
    coordinator_record_fixture,
    officer_record_fixture,
    prompts_fixture,
    record_db_fixture,
    save_and_wait,
    settle,
)

from entre_desktop.domain.assessment_domains import DOMAINS
from entre_desktop.domain.stages import Stage, allowed_next
from entre_desktop.services.changes import Kind
from ui.record import attachments as attachments_module
from ui.record.attachments import AttachmentsTab
from ui.record.contacts import ContactsTab
from ui.record.monitoring import MonitoringTab
from ui.record.notes import NotesTab
from ui.record.plan import PlanTab
from ui.record.programme import ProgrammeTab
from ui.record.record_window import ClientRecordWidget
from ui.record.referrals import ReferralsTab


def test_adding_an_assessment_adds_points_to_the_chart(qtbot: QtBot, admin_record: ClientRecordWidget) -> None:
    admin_record.show_tab("monitoring")
    tab = admin_record.tab("monitoring")
    assert isinstance(tab, MonitoringTab)
    assert tab.chart.point_count() == 0
    form = tab.form
    form.instrument.setText("Entré domain rating")
    form.ratings["motivation"].setValue(3)
    form.ratings["housing"].setValue(2)
    form.ratings["staff_relation"].setValue(4)
    form.comment.setPlainText("First rating together with the client.")
    assert admin_record.has_unsaved_changes()
    changes = save_and_wait(qtbot, admin_record, form.save_button.click)
    assert changes.touches(Kind.ASSESSMENTS)
    assert tab.chart.point_count() == 3
    assert tab.chart.point_count("housing") == 1 and round(tab.chart.series["housing"].at(0).y()) == 2
    assert tab.model.rowCount() == 1
    # The form is empty again (the instrument is kept for the next one) and counts as unchanged.
    assert not admin_record.has_unsaved_changes()
    assert form.instrument.text() == "Entré domain rating"
    assert all(spin.value() == 0 for spin in form.ratings.values())
    form.ratings["motivation"].setValue(4)
    save_and_wait(qtbot, admin_record, form.save_button.click)
    assert tab.chart.point_count("motivation") == 2 and tab.chart.point_count() == 4
    overview = admin_record.tab("overview")
    assert "Mean 4" in overview.view.monitoring.value.text()  # type: ignore[attr-defined]


def test_an_assessment_without_ratings_is_refused_beside_the_ratings(
        qtbot: QtBot, admin_record: ClientRecordWidget, prompts: Prompts) -> None:
    admin_record.show_tab("monitoring")
    tab = admin_record.tab("monitoring")
    assert isinstance(tab, MonitoringTab)
    tab.form.instrument.setText("Entré domain rating")
    tab.save()
    settle(qtbot, admin_record)
    error = tab.form.fields._errors["ratings"]
    assert not error.isHidden() and "at least one domain" in error.text()
    assert prompts.errors == [] and tab.chart.point_count() == 0


def test_chart_has_a_series_per_domain_on_a_1_to_5_axis(admin_record: ClientRecordWidget) -> None:
    tab = admin_record.tab("monitoring")
    assert isinstance(tab, MonitoringTab)
    assert list(tab.chart.series) == list(DOMAINS)
    assert tab.chart.axis_y.min() < 1 and tab.chart.axis_y.max() > 5
    assert tab.chart.chart().legend().isVisible()


def test_logging_a_contact_shows_it_in_the_table(qtbot: QtBot, admin_record: ClientRecordWidget) -> None:
    admin_record.show_tab("contacts")
    tab = admin_record.tab("contacts")
    assert isinstance(tab, ContactsTab)
    form = tab.form
    form.kind.setCurrentIndex(form.kind.findData("phone"))
    form.engagement.setCurrentIndex(form.engagement.findData(4))
    form.summary.setPlainText("Talked about housing.")
    save_and_wait(qtbot, admin_record, form.save_button.click)
    assert tab.model.rowCount() == 1
    entry = tab.model.item(0)
    assert (entry.kind, entry.attended, entry.engagement, entry.summary) == ("phone", True, 4, "Talked about housing.")
    assert "1 meeting in 30 days" in admin_record.tab("overview").view.trust.value.text()  # type: ignore[attr-defined]
    # Engagement cannot be rated when the client did not come.
    form.attended.setChecked(False)
    assert not form.engagement.isEnabled() and form.engagement.currentData() == 0


def test_adding_a_note_shows_it_and_a_correction_links_to_it(
        qtbot: QtBot, admin_record: ClientRecordWidget) -> None:
    admin_record.show_tab("notes")
    tab = admin_record.tab("notes")
    assert isinstance(tab, NotesTab)
    assert not tab.add_button.isEnabled()
    tab.editor.setPlainText("Met the client; they want to study.")
    assert admin_record.has_unsaved_changes()
    save_and_wait(qtbot, admin_record, tab.add_button.click)
    assert tab.model.rowCount() == 1 and tab.model.item(0).body == "Met the client; they want to study."
    assert tab.editor.toPlainText() == "" and not admin_record.has_unsaved_changes()
    original = tab.model.item(0)
    tab.select(original.id)
    assert tab.correct_button.isEnabled() and "want to study" in tab.reader.toPlainText()
    tab.open_correction()
    dialog = tab.dialog
    assert dialog is not None and not dialog.ok_button.isEnabled()  # unchanged text is no correction
    dialog.text.setPlainText("Met the client; they want to work.")
    save_and_wait(qtbot, admin_record, dialog.accept)
    assert not dialog.isVisible()
    assert tab.model.rowCount() == 2
    newest = tab.model.item(0)
    assert newest.corrects_id == original.id and newest.body.endswith("want to work.")
    link = tab.model.index(0, 3).data()
    assert link.startswith("Corrects the note of")
    assert tab.model.index(1, 3).data().startswith("Corrected on")
    # Double-clicking the link jumps to the note it corrects.
    tab._follow_link(tab.model.index(0, 3))
    assert tab.selected() is not None and tab.selected().id == original.id


def test_change_stage_offers_only_the_allowed_next_stages(qtbot: QtBot, admin_record: ClientRecordWidget) -> None:
    admin_record.show_tab("programme")
    tab = admin_record.tab("programme")
    assert isinstance(tab, ProgrammeTab)
    tab.change_button.click()
    dialog = tab.dialog
    assert dialog is not None
    assert dialog.offered() == allowed_next(Stage.REFERRED) == [Stage.ASSESSED, Stage.WITHDRAWN]
    assert not dialog.ok_button.isEnabled()  # a reason is required
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("assessed"))
    dialog.reason.setPlainText("Interview done")
    assert dialog.ok_button.isEnabled()
    changes = save_and_wait(qtbot, admin_record, dialog.accept)
    assert changes.touches(Kind.STAGES)
    assert admin_record.record is not None and admin_record.record.stage == Stage.ASSESSED
    assert tab.model.rowCount() == 2 and tab.model.index(1, 3).data() == "Interview done"
    assert "assessed" in admin_record.stage_label.text()
    tab.change_button.click()
    assert tab.dialog is not None and tab.dialog.offered() == allowed_next(Stage.ASSESSED)
    tab.dialog.reject()


def _referrals(record: ClientRecordWidget) -> ReferralsTab:
    record.show_tab("referrals")
    tab = record.tab("referrals")
    assert isinstance(tab, ReferralsTab)
    return tab


def test_referral_needs_a_valid_consent_and_offers_only_those_agencies(
        qtbot: QtBot, admin_record: ClientRecordWidget) -> None:
    tab = _referrals(admin_record)
    assert not tab.referral_button.isEnabled()
    assert "no referral can be made" in tab.referral_hint.text()
    tab.consent_button.click()
    consent = tab.dialog
    assert consent is not None
    consent.agency.setCurrentIndex(consent.agency.findText("Socialtjänsten Örebro"))
    assert not consent.ok_button.isEnabled()  # no area chosen yet
    consent.areas["accommodation"].setChecked(True)
    consent.areas["finances_id_benefits"].setChecked(True)
    save_and_wait(qtbot, admin_record, consent.accept)
    assert tab.consents.rowCount() == 1
    assert tab.consents.index(0, 1).data() == "Accommodation, Finances, ID and benefits"
    assert tab.consents.index(0, 5).data() == "valid"
    assert tab.referral_button.isEnabled()
    tab.referral_button.click()
    referral = tab.dialog
    assert referral is not None
    assert [referral.agency.itemText(i) for i in range(referral.agency.count())] == ["Socialtjänsten Örebro"]
    assert "record the client's consent for it first" in referral.intro.text()  # says why others are missing
    referral.purpose.setPlainText("Housing support after release")
    save_and_wait(qtbot, admin_record, referral.accept)
    assert tab.referrals.rowCount() == 1 and tab.referrals.index(0, 3).data() == "sent"
    # The client withdraws the consent: no agency can be referred to any more.
    tab.consent_table.selectRow(0)
    tab.withdraw_button.click()
    withdraw = tab.dialog
    assert withdraw is not None
    save_and_wait(qtbot, admin_record, withdraw.accept)
    assert tab.consents.index(0, 5).data() == "withdrawn"
    assert not tab.referral_button.isEnabled() and not tab.withdraw_button.isEnabled()


def test_recording_the_answer_to_a_referral(qtbot: QtBot, admin_record: ClientRecordWidget) -> None:
    tab = _referrals(admin_record)
    tab.open_consent()
    assert tab.dialog is not None
    tab.dialog.areas["work_education"].setChecked(True)  # type: ignore[attr-defined]
    save_and_wait(qtbot, admin_record, tab.dialog.accept)
    tab.open_referral()
    tab.dialog.purpose.setPlainText("Work training")  # type: ignore[attr-defined]
    save_and_wait(qtbot, admin_record, tab.dialog.accept)
    tab.referral_table.selectRow(0)
    save_and_wait(qtbot, admin_record, lambda: tab.set_status("accepted"))
    assert tab.referrals.item(0).status == "accepted"


def _plan(record: ClientRecordWidget) -> PlanTab:
    record.show_tab("plan")
    tab = record.tab("plan")
    assert isinstance(tab, PlanTab)
    return tab


def _start_plan_with_an_action(qtbot: QtBot, record: ClientRecordWidget) -> PlanTab:
    tab = _plan(record)
    assert tab.start_button.isVisibleTo(tab)
    save_and_wait(qtbot, record, tab.start_button.click)
    assert tab.version is not None and tab.version.status == "draft"
    assert tab.action_model.rowCount() == 8  # a heading per area, no actions yet
    tab.add_action_button.click()
    dialog = tab.dialog
    assert dialog is not None
    dialog.area.setCurrentIndex(dialog.area.findData("work_education"))
    dialog.goal.setText("A job after release")
    dialog.what.setPlainText("Register with the employment service")
    dialog.agency.setCurrentIndex(dialog.agency.findText("Arbetsförmedlingen"))
    dialog.due.setText("2027-06-01")
    save_and_wait(qtbot, record, dialog.accept)
    assert tab.action_model.rowCount() == 9
    return tab


def test_officer_drafts_a_plan_but_cannot_see_approve_or_issue(
        qtbot: QtBot, officer_record: ClientRecordWidget) -> None:
    tab = _start_plan_with_an_action(qtbot, officer_record)
    assert not tab.approve_button.isVisibleTo(tab)
    assert not tab.issue_button.isVisibleTo(tab)
    assert tab.add_action_button.isEnabled() and tab.save_button.isVisibleTo(tab)
    heading = tab.action_model.index(1, 0).data()  # after the heading of 'Accommodation'
    assert heading == "Work and education — 0 of 1 done"
    assert tab.action_model.item(2).agency_name == "Arbetsförmedlingen"


def test_coordinator_approves_and_issues_then_the_version_is_read_only(
        qtbot: QtBot, coordinator_record: ClientRecordWidget, prompts: Prompts) -> None:
    tab = _start_plan_with_an_action(qtbot, coordinator_record)
    assert tab.approve_button.isVisibleTo(tab) and tab.approve_button.isEnabled()
    assert not tab.issue_button.isEnabled()
    tab.form.texts["first_72_hours"].setPlainText("Halfway house; ID card.")
    assert coordinator_record.has_unsaved_changes() and not tab.approve_button.isEnabled()  # save first
    save_and_wait(qtbot, coordinator_record, tab.save_button.click)
    assert tab.version is not None and tab.version.first_72_hours == "Halfway house; ID card."
    save_and_wait(qtbot, coordinator_record, tab.approve_button.click)
    assert tab.version.status == "approved" and tab.issue_button.isEnabled()
    assert not tab.add_action_button.isEnabled()
    save_and_wait(qtbot, coordinator_record, tab.issue_button.click)
    assert len(prompts.confirms) == 2
    version = tab.version
    assert version.status == "issued" and version.checksum
    assert version.checksum in tab.state.text()
    assert all(edit.isReadOnly() for edit in tab.form.texts.values())
    assert not tab.add_action_button.isEnabled() and not tab.approve_button.isEnabled()
    assert tab.new_version_button.isEnabled()
    save_and_wait(qtbot, coordinator_record, tab.new_version_button.click)
    assert tab.version is not None and tab.version.version_no == 2 and tab.version.status == "draft"
    assert tab.versions.rowCount() == 2 and tab.action_model.rowCount() == 9  # the actions were copied


def test_print_opens_the_print_dialog(qtbot: QtBot, admin_record: ClientRecordWidget, prompts: Prompts) -> None:
    from ui.printing.plan_dialog import PrintPlanDialog

    tab = _plan(admin_record)
    assert not tab.print_button.isVisible()  # no plan, nothing to print
    save_and_wait(qtbot, admin_record, tab.start_button.click)
    assert tab.print_button.isVisible()
    tab.print_button.click()
    dialog = tab.print_dialog
    assert isinstance(dialog, PrintPlanDialog) and dialog.client_id == admin_record.client_id
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=15_000)
    dialog.reject()
    assert prompts.infos == [] and prompts.errors == []


def test_attach_a_file_and_save_a_copy(qtbot: QtBot, admin_record: ClientRecordWidget, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "intyg.pdf"
    source.write_bytes(b"%PDF-1.4 test")
    target = tmp_path / "out" / "copy.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(attachments_module, "choose_file", lambda _parent: source)
    monkeypatch.setattr(attachments_module, "choose_save_path", lambda _parent, _name: target)
    admin_record.show_tab("attachments")
    tab = admin_record.tab("attachments")
    assert isinstance(tab, AttachmentsTab)
    assert not tab.empty.isHidden()
    save_and_wait(qtbot, admin_record, tab.add_button.click)
    assert tab.model.rowCount() == 1
    info = tab.model.item(0)
    assert (info.file_name, info.media_type, info.size) == ("intyg.pdf", "application/pdf", 13)
    tab.table.selectRow(0)
    tab.save_button.click()
    qtbot.waitUntil(lambda: "Saved a copy" in tab.status.text(), timeout=WAIT_MS)
    assert target.read_bytes() == b"%PDF-1.4 test"
    assert not list(target.parent.glob("*.part"))  # written through a temporary file, then replaced


def test_a_cancelled_file_dialog_adds_nothing(qtbot: QtBot, admin_record: ClientRecordWidget,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attachments_module, "choose_file", lambda _parent: None)
    tab = admin_record.tab("attachments")
    assert isinstance(tab, AttachmentsTab)
    tab.add_file()
    settle(qtbot, admin_record)
    assert tab.model.rowCount() == 0


def test_adding_and_reviewing_a_risk_flag(qtbot: QtBot, officer_record: ClientRecordWidget) -> None:
    overview = officer_record.tab("overview")
    view = overview.view  # type: ignore[attr-defined]
    assert view.risks.text() == "None" and view.risk_table.isHidden()
    view.add_risk_button.click()
    dialog = overview.dialog  # type: ignore[attr-defined]
    assert dialog is not None and not dialog.ok_button.isEnabled()
    dialog.kind.setText("Contact with the old group")
    dialog.description.setPlainText("Seen with former members.")
    save_and_wait(qtbot, officer_record, dialog.accept)
    assert view.risk_model.rowCount() == 1 and view.risk_model.index(0, 0).data() == "Contact with the old group"
    assert not view.risk_table.isHidden()
    view.risk_table.selectRow(0)
    view.review_risk_button.click()
    review = overview.dialog  # type: ignore[attr-defined]
    review.deactivate.setChecked(True)
    save_and_wait(qtbot, officer_record, review.accept)
    assert view.risk_model.rowCount() == 0 and view.risks.text() == "None"
