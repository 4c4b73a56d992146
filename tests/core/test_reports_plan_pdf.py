"""The printed release support plan, checked through the PDF itself (poppler's pdftotext, qpdf).

Tests that need a command-line tool skip with the reason when it is missing; on Debian/Ubuntu
install ``poppler-utils`` and ``qpdf``.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import errno
import functools
import os
import re
import shutil
import string
import subprocess
import unicodedata
from pathlib import Path

import pytest

from entre_desktop import i18n
from entre_desktop.errors import StorageWriteError, ValidationError
from entre_desktop.reports import plan_document, plan_sections, text
from entre_desktop.reports.plan_document import (
    ClientIdentity,
    Contact,
    EntreStatus,
    KeyDates,
    PlanAction,
    PlanDocument,
    PrintMetadata,
    SignatureBlock,
    Variant,
)
from entre_desktop.reports.plan_pdf import render_plan_pdf, short_hash, write_plan_pdf
from entre_desktop.reports.sample import (
    EMPLOYMENT_SERVICE,
    SAMPLE_ADDRESS,
    SOCIAL_INSURANCE,
    SOCIAL_SERVICES,
    sample_plan_document,
)
from entre_desktop.storage import atomic

REPORTS_DIR = Path(text.__file__).parent


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian/Ubuntu: apt-get install poppler-utils qpdf)")
    return path


def _pdf_file(pdf: bytes, folder: Path, name: str = "plan.pdf") -> Path:
    path = folder / name
    path.write_bytes(pdf)
    return path


def pdf_text(pdf: bytes, folder: Path, *options: str) -> str:
    """The text pdftotext extracts, NFC-normalised; pages are separated by form feeds."""
    path = _pdf_file(pdf, folder, f"extract-{len(os.listdir(folder))}.pdf")
    done = subprocess.run(
        [_tool("pdftotext"), "-enc", "UTF-8", *options, str(path), "-"], capture_output=True, check=True
    )
    return unicodedata.normalize("NFC", done.stdout.decode("utf-8"))


def lines_of(extracted: str) -> list[str]:
    return [line.strip() for line in extracted.splitlines() if line.strip()]


def flat(extracted: str) -> str:
    """Whitespace collapsed, so that text wrapped inside a table cell can be found."""
    return " ".join(extracted.split())


@functools.cache
def sample_pdf(variant: str, language: str, agency: str | None = None, *, draft: bool = False) -> bytes:
    doc = sample_plan_document(variant=variant, language=language, recipient_agency_id=agency)  # type: ignore[arg-type]
    if draft:
        doc = dataclasses.replace(doc, status="draft", checksum=None)
    return render_plan_pdf(doc)


STAFF_HEADINGS = {
    "en": [
        "Identity",
        "Key dates",
        "Entré programme status",
        "Consent to share information",
        "Client's goals and strengths",
        "Actions by area",
        "First 72 hours and first weeks",
        "Release-day checklist",
        "Risk and protective factors",
        "Monitoring chart",
        "Contacts",
        "Next review",
        "Signatures and agreement",
        "Distribution list",
    ],
    "sv": [
        "Personuppgifter",
        "Viktiga datum",
        "Status i Entré",
        "Samtycke till informationsdelning",
        "Klientens mål och styrkor",
        "Insatser per område",
        "De första 72 timmarna och de första veckorna",
        "Checklista för frigivningsdagen",
        "Risk- och skyddsfaktorer",
        "Uppföljningsdiagram",
        "Kontaktuppgifter",
        "Nästa uppföljning",
        "Underskrifter och överenskommelse",
        "Sändlista",
    ],
}
RISK_AND_CHART = {
    "en": ["Risk and protective factors", "Risk factors", "Warning signs", "Contingency plan", "Monitoring chart"],
    "sv": ["Risk- och skyddsfaktorer", "Riskfaktorer", "Varningssignaler", "Uppföljningsdiagram"],
}
CLIENT_HEADINGS = {
    "en": [
        "About you",
        "Important dates",
        "Your Entré programme",
        "Who may receive information about you",
        "Your goals and strengths",
        "What will happen, and who will help you",
        "Your first days and weeks after release",
        "Checklist for the day you are released",
        "People you can contact",
        "When we look at the plan again",
        "Your agreement and signatures",
        "Who has a copy of this plan",
    ],
    "sv": [
        "Om dig",
        "Datum som är viktiga för dig",
        "Ditt deltagande i Entré",
        "Vem som får information om dig",
        "Dina mål och styrkor",
        "Vad som ska hända och vem som hjälper dig",
        "Dina första dagar och veckor efter frigivningen",
        "Checklista för dagen då du friges",
        "Personer du kan kontakta",
        "När vi går igenom planen igen",
        "Ditt ställningstagande och underskrifter",
        "Vem som har en kopia av planen",
    ],
}
TITLE = {"en": "Release support plan", "sv": "Frigivningsplan"}


def assert_in_order(lines: list[str], headings: list[str]) -> None:
    missing = [h for h in headings if h not in lines]
    assert not missing, f"headings missing: {missing}"
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions), f"headings out of order: {headings}"


# --- Sections ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "sv"])
def test_internal_copy_has_every_section_in_order(language: str, tmp_path: Path) -> None:
    lines = lines_of(pdf_text(sample_pdf("internal", language), tmp_path))
    assert_in_order(lines, [TITLE[language], *STAFF_HEADINGS[language]])


@pytest.mark.parametrize("language", ["en", "sv"])
def test_client_copy_has_plain_headings_and_no_risk_or_chart(language: str, tmp_path: Path) -> None:
    extracted = pdf_text(sample_pdf("client", language), tmp_path)
    assert_in_order(lines_of(extracted), CLIENT_HEADINGS[language])
    for hidden in RISK_AND_CHART[language]:
        assert hidden not in extracted
    assert "Former associates in the violent milieu" not in flat(extracted)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_agency_copy_has_no_risk_section_chart_or_address(language: str, tmp_path: Path) -> None:
    extracted = pdf_text(sample_pdf("agency", language, SOCIAL_SERVICES), tmp_path)
    expected = [h for h in STAFF_HEADINGS[language] if h not in RISK_AND_CHART[language]]
    assert_in_order(lines_of(extracted), expected)
    for hidden in RISK_AND_CHART[language]:
        assert hidden not in extracted
    assert "Exempelgatan" not in extracted
    assert "Övervakaren ringer samma dag" not in flat(extracted) and "probation officer calls" not in flat(extracted)


def test_agency_copy_shows_only_the_consented_areas(tmp_path: Path) -> None:
    extracted = flat(pdf_text(sample_pdf("agency", "en", EMPLOYMENT_SERVICE), tmp_path))
    assert "AGENCY COPY — Public Employment Service" in extracted
    assert "Finish upper secondary school" in extracted  # work and education
    for other_area_text in (
        "Training flat with housing support",  # accommodation
        "Stay drug-free",  # substance use
        "Intake at the addiction clinic",  # a substance-use appointment
        "Take part in treatment at the addiction clinic",  # a substance-use special condition
        "Leave the old milieu for good",  # attitudes and disengagement
        "Dr. Li Exempelström",  # a substance-use contact
    ):
        assert other_area_text not in extracted
    # Only this agency's consent line and distribution entry.
    assert "Malmö social services" not in extracted
    assert "Social Insurance Agency" not in extracted
    assert "EXIT (Fryshuset)" not in extracted


@pytest.mark.parametrize("variant", ["internal", "agency", "client"])
def test_protected_address_never_printed(variant: str, tmp_path: Path) -> None:
    agency = SOCIAL_SERVICES if variant == "agency" else None
    extracted = flat(pdf_text(sample_pdf(variant, "en", agency), tmp_path))
    assert SAMPLE_ADDRESS not in extracted and "Exempelgatan" not in extracted
    assert "Protected address — held by the service" in extracted


def test_unprotected_address_only_on_the_internal_copy(tmp_path: Path) -> None:
    base = sample_plan_document(variant="internal", language="en")
    doc = dataclasses.replace(base, client=dataclasses.replace(base.client, protected_address=False))
    assert SAMPLE_ADDRESS in flat(pdf_text(render_plan_pdf(doc), tmp_path))
    copies: tuple[tuple[Variant, str | None], ...] = (("client", None), ("agency", SOCIAL_SERVICES))
    for variant, agency in copies:
        printing = dataclasses.replace(doc.printing, variant=variant, recipient_agency_id=agency)
        extracted = flat(pdf_text(render_plan_pdf(dataclasses.replace(doc, printing=printing)), tmp_path))
        assert "Exempelgatan" not in extracted


# --- Page furniture ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "language", "template"),
    [
        ("internal", "en", "Page {} of {}"),
        ("internal", "sv", "Sida {} av {}"),
        ("client", "sv", "Sida {} av {}"),
        ("agency", "en", "Page {} of {}"),
    ],
)
def test_every_page_is_numbered_with_the_right_total(
    variant: str, language: str, template: str, tmp_path: Path
) -> None:
    pdf = sample_pdf(variant, language, SOCIAL_SERVICES if variant == "agency" else None)
    pages = pdf_text(pdf, tmp_path).split("\f")[:-1]
    info = subprocess.run([_tool("pdfinfo"), str(_pdf_file(pdf, tmp_path))], capture_output=True, check=True, text=True)
    total = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert len(pages) == total >= 3
    for number, page in enumerate(pages, start=1):
        assert template.format(number, total) in page
    pattern = template.replace("{}", r"(\d+)")
    found = re.findall(pattern, "\n".join(pages))
    assert found == [(str(n), str(total)) for n in range(1, total + 1)]


@pytest.mark.parametrize(
    ("variant", "language", "label"),
    [
        ("internal", "en", "INTERNAL COPY"),
        ("internal", "sv", "INTERNT EXEMPLAR"),
        ("client", "en", "CLIENT COPY"),
        ("client", "sv", "KLIENTENS EXEMPLAR"),
        ("agency", "en", "AGENCY COPY — Malmö social services"),
        ("agency", "sv", "MYNDIGHETSEXEMPLAR — Socialtjänsten Malmö"),
    ],
)
def test_variant_is_labelled_on_every_page(variant: str, language: str, label: str, tmp_path: Path) -> None:
    pdf = sample_pdf(variant, language, SOCIAL_SERVICES if variant == "agency" else None)
    pages = pdf_text(pdf, tmp_path).split("\f")[:-1]
    classification = {"en": "Confidential — Prison and Probation Service", "sv": "Sekretess — Kriminalvården"}
    for page in pages:
        assert label in page
        assert classification[language] in page


def test_footer_carries_version_hash_printer_and_checksum(tmp_path: Path) -> None:
    doc = sample_plan_document(variant="internal", language="en")
    pages = pdf_text(sample_pdf("internal", "en"), tmp_path).split("\f")[:-1]
    for page in pages:
        assert f"Document hash {short_hash(doc)}" in page
        assert "Plan version 3 (Issued)" in page
        assert "Printed 2025-03-31 10:15 +02:00 by Åsa Exempelsdotter" in page
        assert f"Entré Desktop {doc.printing.program_version} ({doc.printing.build_id})" in page
        assert f"Checksum (issued version): {doc.checksum}" in page


def test_document_hash_is_the_same_on_every_copy(tmp_path: Path) -> None:
    doc = sample_plan_document(variant="internal", language="en")
    expected = f"Document hash {short_hash(doc)}"
    assert re.fullmatch(r"[0-9a-f]{12}", short_hash(doc))
    for variant, agency in (("client", None), ("agency", SOCIAL_SERVICES)):
        assert expected in pdf_text(sample_pdf(variant, "en", agency), tmp_path)
    swedish = pdf_text(sample_pdf("internal", "sv"), tmp_path)
    assert short_hash(sample_plan_document(variant="internal", language="sv")) in swedish


@pytest.mark.parametrize(("language", "draft_word"), [("en", "DRAFT"), ("sv", "UTKAST")])
def test_draft_and_demo_watermarks(language: str, draft_word: str, tmp_path: Path) -> None:
    pdf = sample_pdf("internal", language, draft=True)
    pages = pdf_text(pdf, tmp_path).split("\f")[:-1]
    for page in pages:
        assert f"{draft_word} · DEMO" in page  # the plain-text marker in the header band
    # The rotated watermark itself: pdftotext splits it across lines, so compare without spaces.
    raw = "".join(pdf_text(pdf, tmp_path, "-raw").split())
    assert raw.count(draft_word) >= 2 * len(pages) and raw.count("DEMO") >= 2 * len(pages)


def test_no_watermark_on_an_issued_real_plan(tmp_path: Path) -> None:
    doc = sample_plan_document(variant="internal", language="en", is_demo=False)
    raw = "".join(pdf_text(render_plan_pdf(doc), tmp_path, "-raw").split())
    assert "DRAFT" not in raw and "DEMO" not in raw


# --- Text and fonts ----------------------------------------------------------------------------


def test_swedish_letters_are_extracted_correctly(tmp_path: Path) -> None:
    extracted = flat(pdf_text(sample_pdf("internal", "sv"), tmp_path))
    for word in ("Särskilda villkor", "Prövotiden upphör", "Återkallat 2025-03-10", "Åsa Exempelsdotter", "Sändlista"):
        assert word in extracted
    for letter in "åäöÅÄÖ":
        assert letter in extracted


def test_names_in_any_latin_script_render(tmp_path: Path) -> None:
    base = sample_plan_document(variant="internal", language="en")
    names = ["Łukasz Ødegård-Nguyễn", "Zoë Ñúñez-Çelik", "Þórður Ðorðević", "Ştefan Ţăranu", "Gülşen Ærø-Żółć"]
    client = dataclasses.replace(base.client, name=names[0])
    contacts = tuple(
        Contact(name=name, agency="Ağency Ŀtd", role="Mentor", phone="070-174 06 51") for name in names[1:]
    )
    extracted = pdf_text(render_plan_pdf(dataclasses.replace(base, client=client, contacts=contacts)), tmp_path)
    for name in names:
        assert name in extracted


def test_markup_characters_in_free_text_are_printed_literally(tmp_path: Path) -> None:
    base = sample_plan_document(variant="internal", language="en")
    client = dataclasses.replace(base.client, name="Anna <b>Bold</b> & Co {name}")
    extracted = pdf_text(render_plan_pdf(dataclasses.replace(base, client=client)), tmp_path)
    assert "Anna <b>Bold</b> & Co {name}" in extracted


def test_long_text_wraps_inside_table_cells(tmp_path: Path) -> None:
    base = sample_plan_document(variant="internal", language="en")
    long_action = "Start " + " ".join(["a carefully planned step"] * 60) + " " + "x" * 150 + " Finish"
    action = dataclasses.replace(base.actions[0], action=long_action, goal="Ett mycket långt mål " * 20)
    pdf = render_plan_pdf(dataclasses.replace(base, actions=(action, *base.actions[1:])))
    extracted = flat(pdf_text(pdf, tmp_path))
    assert "Start a carefully planned step" in extracted and "Finish" in extracted


def test_all_fonts_are_embedded(tmp_path: Path) -> None:
    pdffonts = _tool("pdffonts")
    for variant, language, agency in (
        ("internal", "sv", None),
        ("agency", "en", SOCIAL_SERVICES),
        ("client", "en", None),
    ):
        path = _pdf_file(sample_pdf(variant, language, agency), tmp_path, f"{variant}.pdf")
        rows = subprocess.run([pdffonts, str(path)], capture_output=True, check=True, text=True).stdout.splitlines()[2:]
        assert rows, "no fonts listed"
        for row in rows:
            name, *_rest = row.split()
            assert "DejaVuSans" in name, row
            assert re.search(r"\s+yes\s+yes\s+yes\s+", row), f"not embedded: {row}"


@pytest.mark.parametrize(("variant", "agency"), [("internal", None), ("agency", EMPLOYMENT_SERVICE), ("client", None)])
def test_qpdf_finds_no_errors(variant: str, agency: str | None, tmp_path: Path) -> None:
    path = _pdf_file(sample_pdf(variant, "sv", agency), tmp_path)
    done = subprocess.run([_tool("qpdf"), "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors" in done.stdout


def test_a_minimal_plan_renders_with_placeholders(tmp_path: Path) -> None:
    doc = PlanDocument(
        client=ClientIdentity(
            name="Testperson Tom",
            personal_identity_number="19900101-0017",
            date_of_birth=dt.date(1990, 1, 1),
            protected_address=False,
        ),
        version=1,
        version_date=dt.date(2025, 1, 2),
        status="draft",
        key_dates=KeyDates(conditional_release_date=None, supervision_period_end=None),
        entre=EntreStatus(stage="referred", lead_coordinator="Kim"),
        signatures=SignatureBlock(client_agreement="could_not_be_asked", officer_name="Olle"),
        printing=PrintMetadata(
            variant="internal",
            language="sv",
            copy_number=1,
            printed_at=dt.datetime(2025, 1, 2, 8, 0, tzinfo=dt.UTC),
            printed_by="Olle",
            program_version="0.1.0",
            build_id="abc1234",
        ),
    )
    extracted = flat(pdf_text(render_plan_pdf(doc), tmp_path))
    assert "Inget registrerat." in extracted
    assert "Inga bedömningar registrerade." in extracted
    assert "Klienten har inte kunnat tillfrågas." in extracted
    assert "Sida 1 av" in extracted


# --- Determinism -------------------------------------------------------------------------------


def test_same_plan_gives_byte_identical_pdf() -> None:
    doc = sample_plan_document(variant="internal", language="sv")
    first = render_plan_pdf(doc)
    assert render_plan_pdf(doc) == first
    assert render_plan_pdf(sample_plan_document(variant="internal", language="sv")) == first


def test_build_id_is_an_input_of_the_pdf(tmp_path: Path) -> None:
    doc = sample_plan_document(variant="internal", language="en")
    fixed = dataclasses.replace(doc, printing=dataclasses.replace(doc.printing, build_id="1234abc"))
    other = dataclasses.replace(doc, printing=dataclasses.replace(doc.printing, build_id="fedcba9"))
    assert render_plan_pdf(fixed) == render_plan_pdf(fixed)
    assert render_plan_pdf(fixed) != render_plan_pdf(other)
    assert short_hash(fixed) == short_hash(other), "the build is not part of the content"
    pages = pdf_text(render_plan_pdf(fixed), tmp_path).split("\f")[:-1]
    assert pages and all(f"Entré Desktop {doc.printing.program_version} (1234abc)" in page for page in pages)


def test_pdf_dates_come_from_printed_at(tmp_path: Path) -> None:
    doc = sample_plan_document(variant="internal", language="en")
    later = dataclasses.replace(doc.printing, printed_at=dt.datetime(2025, 4, 1, 9, 30, tzinfo=dt.UTC))
    pdf = render_plan_pdf(dataclasses.replace(doc, printing=later))
    assert b"/CreationDate (D:20250401093000+00'00')" in pdf
    assert pdf != render_plan_pdf(doc)
    assert f"Document hash {short_hash(doc)}" in pdf_text(pdf, tmp_path)


# --- Consent and writing -----------------------------------------------------------------------


def test_agency_copy_without_consent_raises_validation_error() -> None:
    doc = sample_plan_document(variant="agency", language="en", recipient_agency_id=SOCIAL_INSURANCE)
    with pytest.raises(ValidationError, match="no valid consent for Social Insurance Agency"):
        render_plan_pdf(doc)


def test_agency_refusal_is_translated() -> None:
    doc = sample_plan_document(variant="agency", language="sv", recipient_agency_id="unknown-agency")
    with pytest.raises(ValidationError, match="inget giltigt samtycke till att unknown-agency"):
        render_plan_pdf(doc)


def test_write_plan_pdf_writes_the_rendered_bytes(tmp_path: Path) -> None:
    doc = sample_plan_document(variant="client", language="sv")
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    write_plan_pdf(doc, target)
    assert target.read_bytes() == render_plan_pdf(doc)
    assert os.listdir(tmp_path) == ["plan.pdf"]


def test_write_into_a_missing_folder_raises_storage_write_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "plan.pdf"
    with pytest.raises(StorageWriteError, match="does not exist"):
        write_plan_pdf(sample_plan_document(variant="client", language="en"), target)
    assert not target.parent.exists()


def test_write_below_a_file_raises_storage_write_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"x")
    with pytest.raises(StorageWriteError):
        write_plan_pdf(sample_plan_document(variant="client", language="en"), tmp_path / "file" / "plan.pdf")
    assert os.listdir(tmp_path) == ["file"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_write_into_a_read_only_folder_raises_storage_write_error(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageWriteError, match="read-only"):
            write_plan_pdf(sample_plan_document(variant="client", language="en"), folder / "plan.pdf")
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o700)


def test_permission_denied_raises_storage_write_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same refusal as a read-only folder, also when the tests run as root.
    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("entre_desktop.storage.atomic.tempfile.mkstemp", refuse)
    with pytest.raises(StorageWriteError, match="read-only or you lack permission"):
        write_plan_pdf(sample_plan_document(variant="client", language="en"), tmp_path / "plan.pdf")
    assert os.listdir(tmp_path) == []


def test_failed_write_leaves_neither_temp_file_nor_half_a_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"previous plan")

    def disk_full(fd: int, data: bytes) -> None:
        os.write(fd, data[:100])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_hook", disk_full)
    with pytest.raises(StorageWriteError, match="disk is full"):
        write_plan_pdf(sample_plan_document(variant="client", language="en"), target)
    assert target.read_bytes() == b"previous plan"
    assert os.listdir(tmp_path) == ["plan.pdf"]


def test_write_error_message_follows_the_program_language(tmp_path: Path) -> None:
    i18n.set_language("sv")  # the autouse fixture restores the language
    with pytest.raises(StorageWriteError, match="mappen finns inte"):
        write_plan_pdf(sample_plan_document(variant="client", language="en"), tmp_path / "missing" / "plan.pdf")


# --- Translations ------------------------------------------------------------------------------


def _printed_messages() -> set[str]:
    """Every English source string the renderer translates: tr("…") literals and the label tables."""
    messages: set[str] = set()
    # The plan's modules only: other documents in entre_desktop/reports check their own strings.
    for path in [*REPORTS_DIR.glob("plan_*.py"), REPORTS_DIR / "text.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name == "tr" and isinstance(node.args[0].value, str):
                messages.add(node.args[0].value)
    for name, value in vars(text).items():
        if name.endswith("_LABELS"):
            messages.update(value.values())
    messages.update((plan_document.DEFAULT_TITLE, plan_document.DEFAULT_CLASSIFICATION))
    for staff, plain in plan_sections.HEADINGS.values():
        messages.update((staff, plain))
    return messages


def test_every_printed_message_has_a_swedish_translation() -> None:
    messages = _printed_messages()
    assert len(messages) > 120  # the scan found the renderer's strings
    swedish = i18n.catalogue("sv")
    missing = sorted(m for m in messages if m not in swedish)
    assert not missing, f"no Swedish translation for {missing}"
    fields = string.Formatter()
    for message in messages:
        english = {f for _text, f, _spec, _conv in fields.parse(message) if f}
        assert english == {f for _text, f, _spec, _conv in fields.parse(swedish[message]) if f}, message


def test_rendering_uses_no_untranslated_message(monkeypatch: pytest.MonkeyPatch) -> None:
    used: set[str] = set()
    real = i18n.translate

    def spy(message: str, language: str | None = None, /, **params: object) -> str:
        used.add(message)
        return real(message, language, **params)

    monkeypatch.setattr("entre_desktop.reports.text.translate", spy)
    for variant, agency in (("internal", None), ("agency", SOCIAL_SERVICES), ("client", None)):
        render_plan_pdf(sample_plan_document(variant=variant, language="sv", recipient_agency_id=agency))  # type: ignore[arg-type]
    assert used and used <= _printed_messages()
    assert not [m for m in used if m not in i18n.catalogue("sv")]


def test_sample_covers_actions_in_every_area() -> None:
    doc = sample_plan_document(variant="internal", language="en")
    areas = {action.area for action in doc.actions}
    assert len(areas) == 8
    assert all(isinstance(a, PlanAction) for a in doc.actions)
