"""The sections of a printed plan, in document order, built from a :class:`PlanView`.

Each builder returns flowables; a section the copy may not show returns nothing (the rules live
in :mod:`plan_view`). Headings have a plain-language wording for the client's copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle  # type: ignore[import-untyped]

from entre_desktop.reports.fonts import REGULAR
from entre_desktop.reports.plan_blocks import bullets, grid_table, key_value_table, numbered, para, text
from entre_desktop.reports.plan_document import AREAS, Appointment, Consent, PlanAction
from entre_desktop.reports.plan_styles import CONTENT_WIDTH, INK, MUTED_HEX
from entre_desktop.reports.plan_view import PlanView
from entre_desktop.reports.text import (
    ACTION_STATUS_LABELS,
    AGREEMENT_LABELS,
    AREA_LABELS,
    CHECKLIST_LABELS,
    COPY_TYPE_LABELS,
    GRADUAL_RELEASE_LABELS,
    PLAN_STATUS_LABELS,
    STAGE_LABELS,
    Tr,
    esc,
    iso_date,
    iso_minutes,
)

# (heading on staff copies, plain-language heading on the client's copy)
HEADINGS: dict[str, tuple[str, str]] = {
    "identity": ("Identity", "About you"),
    "key_dates": ("Key dates", "Important dates"),
    "entre": ("Entré programme status", "Your Entré programme"),
    "consent": ("Consent to share information", "Who may receive information about you"),
    "goals": ("Client's goals and strengths", "Your goals and strengths"),
    "actions": ("Actions by area", "What will happen, and who will help you"),
    "first_days": ("First 72 hours and first weeks", "Your first days and weeks after release"),
    "checklist": ("Release-day checklist", "Checklist for the day you are released"),
    "risk": ("Risk and protective factors", "Risk and protective factors"),
    "chart": ("Monitoring chart", "Monitoring chart"),
    "contacts": ("Contacts", "People you can contact"),
    "review": ("Next review", "When we look at the plan again"),
    "signatures": ("Signatures and agreement", "Your agreement and signatures"),
    "distribution": ("Distribution list", "Who has a copy of this plan"),
}

Section = Callable[[PlanView, Tr], list[Flowable]]

# Goal, action, responsible agency with its contact person, due, status. The contact person
# shares the agency's column so that it is wide enough for long Swedish compounds
# ("Beroendemottagningen"), and "2025-04-14" and "Planerad" never break inside a word.
_ACTION_COLUMNS = (0.2, 0.31, 0.245, 0.13, 0.115)


def heading(view: PlanView, tr: Tr, key: str) -> Flowable:
    staff, plain = HEADINGS[key]
    return text(tr(plain if view.plain_language else staff), "heading")


def _nothing(tr: Tr) -> Flowable:
    return text(tr("None recorded."), "note")


def listing(title: str, items: Sequence[str], tr: Tr, *, steps: bool = False, lead: Flowable | None = None) -> Flowable:
    """A titled bullet (or numbered) list, kept on one page when it is short enough.

    ``lead`` (the section heading) goes inside the same block: a heading's keepWithNext does not
    hold when the next flowable is itself a KeepTogether, and the heading would be orphaned.
    """
    body = (numbered(items) if steps else bullets(items)) if items else [_nothing(tr)]
    return KeepTogether([*([lead] if lead is not None else []), text(title, "subheading"), *body])


def header(view: PlanView, tr: Tr) -> list[Flowable]:
    doc = view.doc
    status = tr(PLAN_STATUS_LABELS[doc.status])
    pairs: list[tuple[str, str]] = [
        (tr("Plan version"), f"{doc.version} — {status}"),
        (tr("Date"), iso_date(doc.version_date)),
        (tr("Classification"), tr(doc.classification)),
        (tr("Copy number"), str(doc.printing.copy_number)),
    ]
    if view.recipient is not None:
        pairs.append((tr("Prepared for"), view.recipient.agency_name))
    flow: list[Flowable] = [
        text(tr(doc.title), "title"),
        text(doc.client.name, "subtitle"),
        key_value_table(pairs, fractions=(0.21, 0.29, 0.21, 0.29)),
    ]
    if doc.checksum:
        flow.append(Spacer(1, 3))
        flow.append(text(tr("Checksum (issued version): {checksum}", checksum=doc.checksum), "note"))
    return flow


def identity(view: PlanView, tr: Tr) -> list[Flowable]:
    client = view.doc.client
    pairs: list[tuple[str, str]] = [
        (tr("Name"), client.name),
        (tr("Personal identity number"), client.personal_identity_number),
        (tr("Date of birth"), iso_date(client.date_of_birth)),
    ]
    if view.address_line is not None:
        pairs.append((tr("Address"), view.address_line))
    return [heading(view, tr, "identity"), key_value_table(pairs)]


def _measure_line(tr: Tr, kind: str, details: str, start: dt.date | None, end: dt.date | None) -> str:
    parts = [tr(GRADUAL_RELEASE_LABELS[kind])]
    if start or end:
        parts.append(f"{iso_date(start)} – {iso_date(end)}")
    if details:
        parts.append(details)
    return ", ".join(parts)


def key_dates(view: PlanView, tr: Tr) -> list[Flowable]:
    dates = view.doc.key_dates
    condition_lines = [c.text for c in view.special_conditions]
    conditions = bullets(condition_lines, "cell_bullet") if condition_lines else tr("None")
    measures = [_measure_line(tr, m.kind, m.details, m.start, m.end) for m in view.gradual_release_measures]
    pairs = [
        (tr("Conditional release date"), iso_date(dates.conditional_release_date)),
        (tr("End of supervision period"), iso_date(dates.supervision_period_end)),
        (tr("Special conditions"), conditions),
        (tr("Gradual release measures"), bullets(measures, "cell_bullet") if measures else tr("None")),
    ]
    return [heading(view, tr, "key_dates"), key_value_table(pairs)]


def entre_status(view: PlanView, tr: Tr) -> list[Flowable]:
    entre = view.doc.entre
    coordinator = entre.lead_coordinator
    if entre.lead_coordinator_phone:
        coordinator = f"{coordinator}, {entre.lead_coordinator_phone}"
    pairs = [(tr("Stage"), tr(STAGE_LABELS[entre.stage])), (tr("Lead coordinator"), coordinator)]
    return [heading(view, tr, "entre"), key_value_table(pairs)]


def _consent_state(consent: Consent, day: dt.date, tr: Tr) -> str:
    if consent.withdrawn_on is not None and consent.withdrawn_on <= day:
        return tr("Withdrawn {date}", date=iso_date(consent.withdrawn_on))
    return tr("Valid") if consent.is_valid_on(day) else tr("Expired")


def consent(view: PlanView, tr: Tr) -> list[Flowable]:
    flow: list[Flowable] = [heading(view, tr, "consent")]
    if view.recipient is not None:
        flow.append(
            text(
                tr(
                    "This copy contains only the parts of the plan that the client has agreed {agency} may receive.",
                    agency=view.recipient.agency_name,
                )
            )
        )
    elif view.plain_language:
        flow.append(text(tr("You can withdraw your consent at any time. Tell your probation officer.")))
    if not view.consents:
        return [*flow, _nothing(tr)]
    day = view.doc.printing.printed_at.date()
    rows = [
        [
            c.agency_name,
            ", ".join(tr(AREA_LABELS[a]) for a in AREAS if a in c.areas),
            iso_date(c.valid_until),
            _consent_state(c, day, tr),
        ]
        for c in view.consents
    ]
    header_row = [tr("Agency"), tr("Information areas"), tr("Valid until"), tr("Status")]
    flow.append(grid_table(header_row, rows, (0.28, 0.44, 0.14, 0.14)))
    return flow


def goals(view: PlanView, tr: Tr) -> list[Flowable]:
    goal_lines = [f"{g.text} ({tr(AREA_LABELS[g.area])})" if g.area else g.text for g in view.client_goals]
    return [
        listing(tr("Goals"), goal_lines, tr, lead=heading(view, tr, "goals")),
        listing(tr("Strengths"), view.doc.client_strengths, tr),
    ]


def _responsible(action: PlanAction) -> Flowable:
    agency = esc(action.responsible_agency_name)
    person = esc(action.contact_person)
    return para(f'{agency}<br/><font color="{MUTED_HEX}">{person}</font>', "cell")


def actions(view: PlanView, tr: Tr) -> list[Flowable]:
    flow: list[Flowable] = [heading(view, tr, "actions")]
    header_row = [
        tr("Goal"),
        tr("Action"),
        tr("Responsible and contact person"),
        tr("Due"),
        tr("Status"),
    ]
    for area in view.areas:
        in_area = [a for a in view.actions if a.area == area]
        if not in_area:
            continue
        rows = [
            [
                a.goal,
                a.action,
                _responsible(a),
                iso_date(a.due),
                tr(ACTION_STATUS_LABELS[a.status]),
            ]
            for a in in_area
        ]
        flow.append(text(tr(AREA_LABELS[area]), "subheading"))
        flow.append(grid_table(header_row, rows, _ACTION_COLUMNS))
    if len(flow) == 1:
        flow.append(_nothing(tr))
    return flow


def _appointment_table(items: Sequence[Appointment], tr: Tr) -> Flowable:
    rows = [[iso_minutes(a.when), a.what, a.where] for a in items]
    return grid_table([tr("When"), tr("What"), tr("Where")], rows, (0.2, 0.45, 0.35))


def first_days(view: PlanView, tr: Tr) -> list[Flowable]:
    flow: list[Flowable] = [heading(view, tr, "first_days")]
    if view.doc.first_days_notes and view.doc.printing.variant != "agency":
        flow.extend(bullets(view.doc.first_days_notes))
    ordered = sorted(view.appointments, key=lambda a: a.when.replace(tzinfo=None))
    release = view.doc.key_dates.conditional_release_date
    if release is None:
        flow.append(text(tr("Appointments after release"), "subheading"))
        flow.append(_appointment_table(ordered, tr) if ordered else _nothing(tr))
        return flow
    # Release day and the two days after it: the first 72 hours.
    first = [a for a in ordered if (a.when.date() - release).days < 3]
    later = [a for a in ordered if (a.when.date() - release).days >= 3]
    for title, items in ((tr("First 72 hours"), first), (tr("First weeks"), later)):
        flow.append(text(title, "subheading"))
        flow.append(_appointment_table(items, tr) if items else _nothing(tr))
    return flow


def checklist(view: PlanView, tr: Tr) -> list[Flowable]:
    items = view.doc.release_day_checklist
    flow: list[Flowable] = [heading(view, tr, "checklist")]
    if not items:
        return [*flow, _nothing(tr)]
    rows = [
        [
            tr(CHECKLIST_LABELS[i.item]),
            "☑ " + tr("Done") if i.done else "☐ " + tr("Not done yet"),
            i.note,
        ]
        for i in items
    ]
    flow.append(grid_table([tr("Item"), tr("Status"), tr("Note")], rows, (0.34, 0.2, 0.46)))
    return flow


def contacts(view: PlanView, tr: Tr) -> list[Flowable]:
    flow: list[Flowable] = [heading(view, tr, "contacts")]
    if not view.contacts:
        return [*flow, _nothing(tr)]
    rows = [[c.name, c.agency, c.role, c.phone] for c in view.contacts]
    header_row = [tr("Name"), tr("Agency"), tr("Role"), tr("Phone")]
    flow.append(grid_table(header_row, rows, (0.25, 0.29, 0.26, 0.2)))
    return flow


def review(view: PlanView, tr: Tr) -> list[Flowable]:
    day = view.doc.next_review
    if day is None:
        line = tr("No review date has been set yet.")
    elif view.plain_language:
        line = tr("We will go through the plan together again on {date}.", date=iso_date(day))
    else:
        line = tr("Next review date: {date}", date=iso_date(day))
    return [heading(view, tr, "review"), text(line)]


def _signature_lines(tr: Tr, client_name: str, officer_name: str) -> Table:
    data = [
        ["", "", ""],
        [
            text(tr("Client's signature and date"), "note"),
            "",
            text(tr("Officer's signature and date"), "note"),
        ],
        [text(client_name, "cell"), "", text(officer_name, "cell")],
    ]
    style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("LINEBELOW", (0, 0), (0, 0), 0.6, INK),
            ("LINEBELOW", (2, 0), (2, 0), 0.6, INK),
            ("TOPPADDING", (0, 0), (-1, 0), 26),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    gap = 0.08 * CONTENT_WIDTH
    side = (CONTENT_WIDTH - gap) / 2
    return Table(data, colWidths=[side, gap, side], style=style, hAlign="LEFT")


def signatures(view: PlanView, tr: Tr) -> list[Flowable]:
    block = view.doc.signatures
    approved = tr("Not approved yet")
    if block.approved_by:
        approved = block.approved_by
        if block.approved_on:
            approved = f"{approved}, {iso_date(block.approved_on)}"
    pairs = [
        (tr("Responsible officer"), block.officer_name),
        (tr("Approved by (coordinator)"), approved),
    ]
    agreement = esc(tr(AGREEMENT_LABELS[block.client_agreement]))
    content: list[Flowable] = [para(f"<b>{agreement}</b>")]
    if block.agreement_note:
        content.append(text(tr("Client's comment: {comment}", comment=block.agreement_note)))
    content.append(key_value_table(pairs))
    content.append(Spacer(1, 6))
    content.append(_signature_lines(tr, view.doc.client.name, block.officer_name))
    return [KeepTogether([heading(view, tr, "signatures"), *content])]


def distribution(view: PlanView, tr: Tr) -> list[Flowable]:
    flow: list[Flowable] = [heading(view, tr, "distribution")]
    if not view.distribution:
        return [*flow, _nothing(tr)]
    rows = [[str(e.copy_number), e.recipient, tr(COPY_TYPE_LABELS[e.variant])] for e in view.distribution]
    flow.append(grid_table([tr("Copy"), tr("Recipient"), tr("Type of copy")], rows, (0.1, 0.6, 0.3)))
    return flow
