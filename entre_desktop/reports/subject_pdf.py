"""The readable half of a data-subject access export: a register extract as a PDF.

Pure: renders the export document (the same dictionary that is written as JSON, see
:mod:`entre_desktop.services.subject_export`) without touching the database. Uses the release
plan's fonts, styles, page furniture and blocks, so every printed document looks alike.
Do not render from two threads at once (reportlab keeps per-font state).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    KeepTogether,
    Spacer,
)

from entre_desktop.reports.fonts import register_fonts
from entre_desktop.reports.plan_blocks import grid_table, key_value_table, text
from entre_desktop.reports.plan_page import PageFurniture, PlanCanvas, document_template
from entre_desktop.reports.text import (
    ACTION_STATUS_LABELS,
    AGREEMENT_LABELS,
    AREA_LABELS,
    COPY_TYPE_LABELS,
    DOMAIN_LABELS,
    PLAN_STATUS_LABELS,
    STAGE_LABELS,
    Tr,
    iso_minutes_with_offset,
)
from entre_desktop.version import program_label

TITLE = "Register extract"
CLASSIFICATION = "Confidential — Prison and Probation Service"
# A longer free-text value is cut in the PDF (the JSON file has it whole).
MAX_VALUE_CHARS = 4_000

TABLE_LABELS: dict[str, str] = {
    "client": "Personal details",
    "enrolment": "Enrolment in the Entré programme",
    "stage_change": "Stage history",
    "custody": "Custody and supervision",
    "note": "Notes",
    "contact_log": "Contacts and meetings",
    "assessment": "Assessments",
    "assessment_rating": "Assessment ratings",
    "risk_flag": "Risk flags",
    "consent": "Consents to share information",
    "referral": "Referrals to agencies",
    "release_plan": "Release plan",
    "plan_version": "Release plan versions",
    "plan_action": "Planned actions",
    "print_log": "Printed documents",
    "attachment": "Attached files",
    "legal_hold": "Legal holds",
}

FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "personal_number": "Personal identity number",
    "id_kind": "Kind of number",
    "date_of_birth": "Date of birth",
    "languages": "Languages",
    "protected_address": "Protected address",
    "address": "Address",
    "phone": "Phone",
    "milieu": "Milieu",
    "responsible_user_name": "Responsible officer",
    "facility": "Facility",
    "facility_kind": "Kind of facility",
    "sentence_start": "Sentence start",
    "sentence_end": "Sentence end",
    "conditional_release_date": "Conditional release date",
    "supervision_end": "End of supervision period",
    "supervisor": "Supervisor",
    "conditions": "Special conditions",
    "gradual_release": "Gradual release measures",
    "stage": "Stage",
    "stage_since": "Stage since",
    "from_stage": "From stage",
    "to_stage": "To stage",
    "changed_on": "Date",
    "reason": "Reason",
    "changed_by": "Changed by",
    "scope": "Information areas",
    "given_on": "Given on",
    "valid_until": "Valid until",
    "withdrawn_on": "Withdrawn on",
    "agency_id": "Agency",
    "consent_id": "Consent",
    "assessment_id": "Assessment",
    "plan_version_id": "Plan version",
    "corrects_id": "Corrects the note",
    "referred_on": "Referred on",
    "purpose": "Purpose",
    "status": "Status",
    "assessed_on": "Assessed on",
    "instrument": "Instrument",
    "assessor": "Assessor",
    "comment": "Comment",
    "domain": "Domain",
    "rating": "Rating",
    "kind": "Kind",
    "description": "Description",
    "review_on": "Review on",
    "active": "Active",
    "occurred_on": "Date",
    "attended": "Attended",
    "engagement": "Engagement",
    "summary": "Summary",
    "recorded_by": "Recorded by",
    "written_at": "Written",
    "author": "Author",
    "body": "Text",
    "lead_coordinator": "Lead coordinator",
    "next_review_on": "Next review",
    "version_no": "Plan version",
    "client_goals": "Client's goals and strengths",
    "strengths": "Strengths",
    "risk_factors": "Risk factors",
    "protective_factors": "Protective factors",
    "warning_signs": "Warning signs",
    "contingency": "Contingency plan",
    "first_72_hours": "First 72 hours",
    "client_agreement": "Client's agreement",
    "approved_by": "Approved by",
    "approved_at": "Approved",
    "issued_at": "Issued",
    "checksum": "Checksum",
    "area": "Area",
    "goal": "Goal",
    "action": "Action",
    "contact_name": "Contact person",
    "due_on": "Due",
    "variant": "Type of copy",
    "recipient_agency_id": "Recipient",
    "language": "Language",
    "copy_no": "Copy number",
    "printed_at": "Printed",
    "printed_by": "Printed by",
    "document_hash": "Document hash",
    "file_name": "File name",
    "media_type": "File type",
    "size": "Size in bytes",
    "sha256": "SHA-256 checksum",
    "content": "Contents",
    "added_at": "Added",
    "added_by": "Added by",
    "placed_by": "Placed by",
    "placed_at": "Placed",
    "released_by": "Released by",
    "released_at": "Hold released",
    "release_reason": "Reason for release",
    "deleted": "Removed",
}

OPERATION_LABELS: dict[str, str] = {
    "insert": "Created",
    "update": "Changed",
    "delete": "Removed",
    "purge": "Erased",
}

ACCESS_LABELS: dict[str, str] = {
    "view_client": "Viewed",
    "search": "Searched",
    "list_clients": "Listed",
    "create": "Recorded",
    "update": "Changed",
    "print": "Printed",
    "export": "Exported",
    "import": "Imported",
    "disclosure": "Disclosed",
    "purge": "Erased",
}

# Internal bookkeeping: in the JSON file, not worth a reader's time on paper.
_HIDDEN = frozenset({"id", "client_id", "enrolment_id", "plan_id", "created_hlc", "updated_hlc", "origin_site"})
_BOOLEANS = frozenset({"protected_address", "active", "attended", "deleted"})
_STAGES = frozenset({"stage", "from_stage", "to_stage"})
_CODE_LABELS: dict[tuple[str, str], dict[str, str]] = {
    ("plan_version", "status"): PLAN_STATUS_LABELS,
    ("plan_action", "status"): ACTION_STATUS_LABELS,
    ("plan_version", "client_agreement"): AGREEMENT_LABELS,
    ("plan_action", "area"): AREA_LABELS,
    ("assessment_rating", "domain"): DOMAIN_LABELS,
    ("print_log", "variant"): COPY_TYPE_LABELS,
}


def _references(document: Mapping[str, Any], tr: Tr) -> dict[str, str]:
    """Readable names for the ids one row uses to point at another (agency, assessment, ...)."""
    refs: dict[str, str] = {str(k): str(v) for k, v in document.get("agencies", {}).items()}
    tables: Mapping[str, Sequence[Mapping[str, Any]]] = document.get("tables", {})
    for row in tables.get("assessment", ()):
        refs[row["id"]] = f"{row.get('assessed_on', '')} {row.get('instrument', '')}".strip()
    for row in tables.get("plan_version", ()):
        refs[row["id"]] = tr("Plan version {version}", version=row.get("version_no", ""))
    for row in tables.get("consent", ()):
        agency = refs.get(str(row.get("agency_id")), "")
        refs[row["id"]] = f"{agency} ({row.get('given_on', '')})".strip()
    for row in tables.get("note", ()):
        refs[row["id"]] = str(row.get("written_at", ""))
    return refs


def _shorten(value: str, tr: Tr) -> str:
    if len(value) <= MAX_VALUE_CHARS:
        return value
    return value[:MAX_VALUE_CHARS] + " " + tr("… (shortened here; the JSON file has all of it)")


def field_value(table: str, column: str, value: Any, refs: Mapping[str, str], tr: Tr) -> str:
    """One stored value as a reader should see it."""
    if value is None or value == "":
        return ""
    if table == "attachment" and column == "content":
        return tr("In the JSON file (base64)")
    if column in _BOOLEANS:
        return tr("Yes") if value in (1, True, "1") else tr("No")
    if column in _STAGES and str(value) in STAGE_LABELS:
        return tr(STAGE_LABELS[str(value)])
    labels = _CODE_LABELS.get((table, column))
    if labels is not None and str(value) in labels:
        return tr(labels[str(value)])
    if column.endswith("_id"):
        return refs.get(str(value), str(value))
    if table == "consent" and column == "scope":
        return ", ".join(tr(AREA_LABELS.get(code, code)) for code in str(value).split(",") if code)
    return _shorten(str(value), tr)


def _row_block(table: str, row: Mapping[str, Any], refs: Mapping[str, str], tr: Tr) -> Flowable:
    pairs: list[tuple[str, str]] = []
    for column, value in row.items():
        if column in _HIDDEN or (column == "deleted" and not value):
            continue
        shown = field_value(table, column, value, refs, tr)
        if shown:
            pairs.append((tr(FIELD_LABELS[column]) if column in FIELD_LABELS else column, shown))
    if not pairs:
        pairs.append((tr("Record"), str(row.get("id", ""))))
    return key_value_table(pairs)


def _section(table: str, rows: Sequence[Mapping[str, Any]], refs: Mapping[str, str], tr: Tr) -> list[Flowable]:
    title = tr(TABLE_LABELS[table]) if table in TABLE_LABELS else table
    heading = text(f"{title} ({len(rows)})", "heading")
    if not rows:
        return [KeepTogether([heading, text(tr("None recorded."), "note")])]
    blocks: list[Flowable] = []
    for index, row in enumerate(rows):
        block = _row_block(table, row, refs, tr)
        blocks.append(KeepTogether([heading, block]) if index == 0 else block)
        blocks.append(Spacer(1, 5))
    return blocks


def _hlc_time(stamp: str) -> str:
    try:
        moment = dt.datetime.fromtimestamp(int(stamp[:15]) / 1000, tz=dt.UTC)
    except (ValueError, OverflowError):
        return stamp
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _history(rows: Sequence[Mapping[str, Any]], tr: Tr) -> list[Flowable]:
    heading = text(f"{tr('Change history')} ({len(rows)})", "heading")
    intro = text(
        tr("Every change to the records above, oldest first. The JSON file has the values of each change."), "note"
    )
    if not rows:
        return [heading, text(tr("None recorded."), "note")]
    body = []
    for row in rows:
        table = str(row.get("table_name", ""))
        data = row.get("data")
        fields = sorted(k for k in data if k not in _HIDDEN) if isinstance(data, dict) else []
        body.append(
            [
                _hlc_time(str(row.get("hlc", ""))),
                tr(TABLE_LABELS[table]) if table in TABLE_LABELS else table,
                tr(OPERATION_LABELS.get(str(row.get("op")), str(row.get("op")))),
                ", ".join(tr(FIELD_LABELS[f]) if f in FIELD_LABELS else f for f in fields),
            ]
        )
    table_flow = grid_table([tr("When"), tr("Record"), tr("Change"), tr("Fields")], body, (0.2, 0.25, 0.12, 0.43))
    return [heading, intro, table_flow]


def _access(rows: Sequence[Mapping[str, Any]], tr: Tr) -> list[Flowable]:
    heading = text(f"{tr('Who has used the record')} ({len(rows)})", "heading")
    intro = text(
        tr("Every time staff viewed, searched for, printed, exported or changed the record, from the audit log."),
        "note",
    )
    if not rows:
        return [heading, text(tr("None recorded."), "note")]
    body = [
        [
            str(r.get("at", "")),
            str(r.get("user_name", "")),
            tr(ACCESS_LABELS[str(r.get("action"))]) if r.get("action") in ACCESS_LABELS else str(r.get("action", "")),
            " ".join(p for p in (str(r.get("detail", "")), str(r.get("reason", ""))) if p),
        ]
        for r in rows
    ]
    return [
        heading,
        intro,
        grid_table([tr("When"), tr("User"), tr("Action"), tr("Details")], body, (0.22, 0.16, 0.17, 0.45)),
    ]


def _client_row(document: Mapping[str, Any]) -> Mapping[str, Any]:
    rows = document.get("tables", {}).get("client", [])
    return rows[0] if rows else {}


def _opening(document: Mapping[str, Any], tr: Tr, generated_at: dt.datetime) -> list[Flowable]:
    person = _client_row(document)
    site = str(document.get("site", {}).get("name", ""))
    pairs = [
        (tr("Name"), str(person.get("name", ""))),
        (tr("Personal identity number"), str(person.get("personal_number", ""))),
        (tr("Site"), site),
        (tr("Generated"), iso_minutes_with_offset(generated_at)),
        (tr("Generated by"), str(document.get("generated_by", ""))),
        (tr("Client id"), str(document.get("client_id", ""))),
    ]
    return [
        text(tr(TITLE), "title"),
        text(str(person.get("name", "")), "subtitle"),
        text(
            tr(
                "This extract lists every record about the person that Entré Desktop stores at {site}, including "
                "records marked as removed that have not yet been erased. Every field and every attached file is "
                "also in the machine-readable file with the same name (JSON).",
                site=site,
            )
        ),
        key_value_table(pairs),
    ]


def render_subject_pdf(
    document: Mapping[str, Any], *, language: str, generated_at: dt.datetime, is_demo: bool = False
) -> bytes:
    """The register extract as PDF bytes; deterministic for the same input."""
    register_fonts()
    tr = Tr(language)
    refs = _references(document, tr)
    person = _client_row(document)
    flowables: list[Flowable] = _opening(document, tr, generated_at)
    for table, rows in document.get("tables", {}).items():
        flowables.extend(_section(table, rows, refs, tr))
    flowables.extend(_history(document.get("change_history", []), tr))
    flowables.extend(_access(document.get("access_log", []), tr))
    furniture = PageFurniture(
        tr=tr,
        variant_label=tr("REGISTER EXTRACT"),
        classification=tr(CLASSIFICATION),
        running_title=" · ".join((tr(TITLE), str(person.get("name", "")))),
        footer_lines=(
            " · ".join(
                (
                    tr(
                        "Generated {time} by {user}",
                        time=iso_minutes_with_offset(generated_at),
                        user=str(document.get("generated_by", "")),
                    ),
                    program_label(str(document.get("program_version", "")), str(document.get("build_id", ""))),
                )
            ),
            tr("Checksum of the JSON file's records: {checksum}", checksum=document_checksum(document)[:16]),
        ),
        watermarks=(tr("DEMO"),) if is_demo else (),
        printed_at=generated_at,
    )
    buffer = io.BytesIO()
    template = document_template(
        buffer, furniture, template_id="extract", title=tr(TITLE), subject=tr("REGISTER EXTRACT"),
        author=str(document.get("generated_by", "")),
        creator=program_label(str(document.get("program_version", "")), str(document.get("build_id", ""))),
        language=language,
    )
    template.build(flowables, canvasmaker=functools.partial(PlanCanvas, furniture=furniture))
    return buffer.getvalue()


def document_checksum(document: Mapping[str, Any]) -> str:
    """SHA-256 over the records (canonical JSON), printed so a reader can pair the PDF with its JSON."""
    canonical = json.dumps(document.get("tables", {}), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
