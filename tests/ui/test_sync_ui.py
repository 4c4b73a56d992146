"""The sync screens on two real encrypted site databases that trust each other.

Each site has its own TaskRunner (its own worker and session), as two workstations would.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from entre_desktop.clock import FixedClock
from entre_desktop.security import kdf
from entre_desktop.security.keyslots import slot_file_path
from entre_desktop.services.clients import NewClient, add_client, update_client
from entre_desktop.services.database import unlock_database
from entre_desktop.services.session import Session
from entre_desktop.services.sync import export_bundle, export_identity, import_bundle
from tests.conftest import PASSPHRASES, TEMPLATE_TIME
from tests.ui.helpers import personal_number
from ui.settings import AppSettings
from ui.tasks import TaskRunner

SITES = ("Anstalten Kumla", "Frivården Malmö")


@dataclass(frozen=True)
class Site:
    name: str
    path: Path
    identity: Path
    fingerprint: str


@pytest.fixture(scope="module")
def site_templates(tmp_path_factory: pytest.TempPathFactory) -> list[Site]:
    """Two sites (admin, cora, olle each) that trust each other; never opened by tests: copied."""
    from entre_desktop.services.database import create_database
    from entre_desktop.services.sync import trust_site
    from entre_desktop.services.users import add_user

    root = tmp_path_factory.mktemp("ui-sites")
    sessions: list[Session] = []
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("ENTRE_KDF_TARGET_SECONDS", "0")
        try:
            for number, name in enumerate(SITES):
                session = create_database(root / f"site{number}" / "entre.db", site_name=name, admin_name="admin",
                                          passphrase=PASSPHRASES["admin"], clock=FixedClock(TEMPLATE_TIME),
                                          kdf=kdf.FLOOR)
                sessions.append(session)
                add_user(session, name="cora", role="coordinator", passphrase=PASSPHRASES["cora"])
                add_user(session, name="olle", role="officer", passphrase=PASSPHRASES["olle"])
            identities = [export_identity(s, root / f"site{n}.identity") for n, s in enumerate(sessions)]
            for session in sessions:
                for identity in identities:
                    if identity.site_id != session.site_id:
                        trust_site(session, identity.data, identity.fingerprint)
            return [Site(name, s.db_path, root / f"site{n}.identity", i.fingerprint)
                    for n, (name, s, i) in enumerate(zip(SITES, sessions, identities, strict=True))]
        finally:
            for session in sessions:
                session.close()


@pytest.fixture
def sites(site_templates: list[Site], tmp_path: Path) -> list[Path]:
    """This test's own copies of both sites' databases."""
    copies = []
    for number, site in enumerate(site_templates):
        target = tmp_path / f"site{number}" / "entre.db"
        target.parent.mkdir()
        shutil.copy2(site.path, target)
        shutil.copy2(slot_file_path(site.path), slot_file_path(target))
        copies.append(target)
    return copies


def direct(path: Path, user: str = "admin") -> Session:
    """A session on the test's thread, for setting up data before the screens open."""
    return unlock_database(path, user_name=user, passphrase=PASSPHRASES[user], clock=FixedClock(TEMPLATE_TIME),
                           audit_login=False)


@pytest.fixture
def open_runner(qtbot: QtBot) -> Iterator[Callable[..., TaskRunner]]:
    """``open_runner(path, user)``: a TaskRunner whose worker holds a session on ``path``."""
    made: list[TaskRunner] = []

    def make(path: Path, user: str = "admin") -> TaskRunner:
        runner = TaskRunner()
        made.append(runner)
        done: list[bool] = []

        def job() -> None:
            runner.set_session(direct(path, user))
            done.append(True)

        runner.run_plain(job)
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
        return runner

    yield make
    for runner in made:
        runner.shutdown()


def ask(qtbot: QtBot, runner: TaskRunner, job: Callable[[Session], Any]) -> Any:
    """Run ``job`` on the runner's worker and wait for its answer."""
    answers: list[Any] = []
    runner.run(job, on_success=lambda value: answers.append(value), on_failure=lambda e: answers.append(e))
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    if isinstance(answers[0], BaseException):
        raise answers[0]
    return answers[0]


def client_names(qtbot: QtBot, runner: TaskRunner) -> list[str]:
    return ask(qtbot, runner, lambda s: [r[0] for r in s.db.execute("SELECT name FROM client ORDER BY name")])


def add_person(path: Path, name: str = "Anna Andersson", index: int = 1) -> str:
    session = direct(path)
    try:
        client_id, _changes = add_client(session, NewClient(name=name, personal_number=personal_number(index)))
    finally:
        session.close()
    return client_id


def export_with_wizard(qtbot: QtBot, runner: TaskRunner, target: Path) -> Any:
    from ui.sync.export_dialog import ExportBundleDialog

    dialog = ExportBundleDialog(runner, start_folder=target.parent)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.sites.count() == 1, timeout=10_000)
    assert dialog.sites.item(0).text() == SITES[1]
    assert dialog.chosen()  # the only site is ticked
    assert dialog.path.text().endswith(".entre") and "frivarden-malmo" in dialog.path.text()
    dialog.path.setText(str(target))
    dialog._path_typed(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None or not dialog.error.isHidden(), timeout=20_000)
    assert dialog.summary is not None, dialog.error.text()
    assert target.is_file() and dialog.summary.changes > 0
    assert SITES[1] in dialog.status.text() and str(dialog.summary.changes) in dialog.status.text()
    return dialog


# -- export, preview, import ---------------------------------------------------------------------


def test_export_preview_and_import_between_two_sites(qtbot: QtBot, sites: list[Path], tmp_path: Path,
                                                     open_runner: Callable[..., TaskRunner]) -> None:
    from ui.sync.import_dialog import ImportBundleDialog

    add_person(sites[0])
    a = open_runner(sites[0])
    bundle = tmp_path / "to-malmo.entre"
    export_with_wizard(qtbot, a, bundle)

    b = open_runner(sites[1])
    dialog = ImportBundleDialog(b, start_folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.check(bundle)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() in (dialog.PREVIEW, dialog.REFUSED), timeout=20_000)
    assert dialog.pages.currentIndex() == dialog.PREVIEW, dialog.refused_text.text()
    preview = dialog.preview
    assert preview is not None and preview.dry_run and preview.added["client"] == 1 and preview.clients == 1
    text = dialog.preview_text.text()
    assert SITES[0] in text and "Clients concerned: 1" in text and "Records added:" in text
    assert client_names(qtbot, b) == []  # the dry run changed nothing
    assert dialog.apply_button.isVisibleTo(dialog) and dialog.apply_button.isEnabled()

    changed: list[object] = []
    dialog.changed.connect(changed.append)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() in (dialog.DONE, dialog.REFUSED), timeout=20_000)
    assert dialog.pages.currentIndex() == dialog.DONE
    assert client_names(qtbot, b) == ["Anna Andersson"]
    assert changed

    again = ImportBundleDialog(b, start_folder=tmp_path)
    qtbot.addWidget(again)
    again.check(bundle)
    qtbot.waitUntil(lambda: again.pages.currentIndex() == again.PREVIEW, timeout=20_000)
    assert "imported before" in again.preview_text.text()
    assert not again.apply_button.isEnabled()


def test_a_tampered_bundle_is_refused_and_nothing_changes(qtbot: QtBot, sites: list[Path], tmp_path: Path,
                                                          open_runner: Callable[..., TaskRunner]) -> None:
    from ui.sync.import_dialog import ImportBundleDialog

    add_person(sites[0])
    session = direct(sites[0])
    try:
        data = bytearray(export_bundle(session, to=[SITES[1]]).data or b"")
    finally:
        session.close()
    data[len(data) // 2] ^= 0x01
    bundle = tmp_path / "tampered.entre"
    bundle.write_bytes(bytes(data))

    b = open_runner(sites[1])
    audits_before = ask(qtbot, b, lambda s: s.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    dialog = ImportBundleDialog(b, start_folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.check(bundle)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() in (dialog.PREVIEW, dialog.REFUSED), timeout=20_000)
    assert dialog.pages.currentIndex() == dialog.REFUSED
    assert dialog.refused_text.text() and "Nothing was changed" in dialog.refused_note.text()
    assert not dialog.apply_button.isVisibleTo(dialog)
    assert client_names(qtbot, b) == []
    # A dry run leaves no trace at all, not even an audit event.
    assert ask(qtbot, b, lambda s: s.db.execute("SELECT count(*) FROM audit_event").fetchone()[0]) == audits_before

    (tmp_path / "junk.entre").write_bytes(b"hello")
    dialog.check(tmp_path / "junk.entre")
    qtbot.waitUntil(lambda: dialog.refusal is not None and "junk" in dialog.path.text()
                    and dialog.pages.currentIndex() == dialog.REFUSED, timeout=20_000)
    assert dialog.refused_text.text()


def test_a_bundle_for_another_site_is_refused_by_name(qtbot: QtBot, sites: list[Path], tmp_path: Path,
                                                      open_runner: Callable[..., TaskRunner]) -> None:
    from ui.sync.import_dialog import ImportBundleDialog

    add_person(sites[0])
    a = open_runner(sites[0])
    bundle = tmp_path / "mine.entre"
    export_with_wizard(qtbot, a, bundle)
    dialog = ImportBundleDialog(a, start_folder=tmp_path)  # the sender itself tries to import it
    qtbot.addWidget(dialog)
    dialog.check(bundle)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.REFUSED, timeout=20_000)
    assert "this site" in dialog.refused_text.text().lower()


# -- the exchange folder -------------------------------------------------------------------------


def test_exchange_folder_round_trip(qtbot: QtBot, sites: list[Path], tmp_path: Path, settings: AppSettings,
                                    open_runner: Callable[..., TaskRunner]) -> None:
    from entre_desktop.services.exchange_folder import Outcome
    from ui.sync.exchange_dialog import ExchangeFolderDialog

    folder = tmp_path / "exchange"
    folder.mkdir()
    add_person(sites[0])
    a = open_runner(sites[0])
    first = ExchangeFolderDialog(a, settings)
    qtbot.addWidget(first)
    first.folder.setText(str(folder))
    first.on_unlock.setChecked(True)
    first.sync_button.click()
    qtbot.waitUntil(lambda: first.outcome is not None or not first.error.isHidden(), timeout=20_000)
    assert first.outcome is not None, first.error.text()
    assert len(first.outcome.exports) == 1 and SITES[1] in first.report.toPlainText()
    assert AppSettings().exchange_folder == folder and AppSettings().exchange_on_unlock

    b = open_runner(sites[1])
    second = ExchangeFolderDialog(b, settings)
    qtbot.addWidget(second)
    assert second.folder.text() == str(folder)  # remembered
    changed: list[object] = []
    second.changed.connect(changed.append)
    second.synchronise()
    qtbot.waitUntil(lambda: second.outcome is not None or not second.error.isHidden(), timeout=20_000)
    assert second.outcome is not None and second.outcome.count(Outcome.IMPORTED) == 1
    assert "Imported" in second.report.toPlainText() and changed
    assert client_names(qtbot, b) == ["Anna Andersson"]

    second.folder.setText(str(tmp_path / "gone"))
    second.synchronise()
    qtbot.waitUntil(lambda: not second.error.isHidden(), timeout=20_000)
    assert "does not exist" in second.error.text()


def test_synchronising_after_unlock_reports_in_the_status_bar(qtbot: QtBot, sites: list[Path], tmp_path: Path,
                                                              settings: AppSettings,
                                                              open_runner: Callable[..., TaskRunner]) -> None:
    from PySide6.QtWidgets import QMainWindow

    from ui.sync.background import BackgroundExchange

    add_person(sites[0])
    folder = tmp_path / "exchange"
    folder.mkdir()
    window = QMainWindow()
    qtbot.addWidget(window)
    background = BackgroundExchange(open_runner(sites[0]), window)
    assert background.start(folder)
    assert not background.start(folder)  # one at a time
    assert "Synchronising" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not background.running, timeout=20_000)
    assert background.last_result is not None and "1 sent" in window.statusBar().currentMessage()


# -- conflicts -----------------------------------------------------------------------------------


def make_conflict(paths: list[Path]) -> str:
    """Both sites change the same client's phone before seeing each other's change."""
    a, b = direct(paths[0]), direct(paths[1])
    try:
        client_id, _ = add_client(a, NewClient(name="Anna Andersson", personal_number=personal_number(1)))
        import_bundle(b, export_bundle(a, to=[SITES[1]]).data or b"")
        update_client(a, client_id, {"phone": "070-111 11 11"})
        b.clock.advance(seconds=5)  # type: ignore[attr-defined]
        update_client(b, client_id, {"phone": "070-222 22 22"})
        import_bundle(b, export_bundle(a, to=[SITES[1]]).data or b"")
    finally:
        a.close()
        b.close()
    return client_id


def test_resolving_a_conflict_on_the_screen(qtbot: QtBot, sites: list[Path],
                                            open_runner: Callable[..., TaskRunner]) -> None:
    from ui.sync.conflicts_dialog import ConflictsDialog

    client_id = make_conflict(sites)
    b = open_runner(sites[1], "cora")
    log_before = ask(qtbot, b, lambda s: s.db.execute("SELECT count(*) FROM change_log").fetchone()[0])
    dialog = ConflictsDialog(b)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    row = dialog.model.rows[0]
    assert row.client_name == "Anna Andersson" and row.conflict.client_id == client_id
    assert dialog.model.data(dialog.model.index(0, 1)) == "Client: Phone"
    assert len(dialog.keep_buttons) == 2
    values = [v.value for v in row.conflict.values]
    assert sorted(values) == ["070-111 11 11", "070-222 22 22"]
    keep = values.index("070-111 11 11")

    changed: list[object] = []
    dialog.changed.connect(changed.append)
    dialog.keep_buttons[keep].click()
    qtbot.waitUntil(lambda: bool(changed) and dialog.model.rowCount() == 0, timeout=10_000)
    assert dialog.empty.isVisibleTo(dialog)
    phone = ask(qtbot, b, lambda s: s.db.execute("SELECT phone FROM client WHERE id = ?", (client_id,)).fetchone()[0])
    assert phone == "070-111 11 11"
    # The resolution is an ordinary change: logged, so it goes to the other site with the next bundle.
    assert ask(qtbot, b, lambda s: s.db.execute("SELECT count(*) FROM change_log").fetchone()[0]) > log_before


def test_writing_a_new_value_and_an_empty_one(qtbot: QtBot, sites: list[Path],
                                              open_runner: Callable[..., TaskRunner]) -> None:
    from ui.sync.conflicts_dialog import ConflictsDialog

    client_id = make_conflict(sites)
    b = open_runner(sites[1], "admin")
    dialog = ConflictsDialog(b)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    dialog.new_value.setText("070-333 33 33")
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=10_000)
    phone = ask(qtbot, b, lambda s: s.db.execute("SELECT phone FROM client WHERE id = ?", (client_id,)).fetchone()[0])
    assert phone == "070-333 33 33"


# -- trusted sites -------------------------------------------------------------------------------


def test_trust_and_revoke_on_the_screen(qtbot: QtBot, sites: list[Path], site_templates: list[Site],
                                        tmp_path: Path, open_runner: Callable[..., TaskRunner]) -> None:
    from ui.sync.trusted_sites import TrustedSitesDialog

    a = open_runner(sites[0])
    dialog = TrustedSitesDialog(a, may_manage=True, start_folder=tmp_path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    assert dialog.own_name.text() == SITES[0] and dialog.own_fingerprint.text() == site_templates[0].fingerprint
    dialog.copy_fingerprint()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == site_templates[0].fingerprint
    dialog.save_identity(tmp_path / "kumla.identity")
    qtbot.waitUntil(lambda: (tmp_path / "kumla.identity").is_file(), timeout=10_000)

    dialog.select(SITES[1])
    assert dialog.revoke_button.isEnabled()
    dialog.revoke(SITES[1], "stolen laptop")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and dialog.model.rows[0].revoked, timeout=10_000)
    assert "stolen laptop" in dialog.model.data(dialog.model.index(0, 4))

    # Trusting the identity file again lifts the revocation, but only with the right fingerprint.
    dialog._add_clicked()
    add = dialog.add_dialog
    assert add is not None
    add.load(site_templates[1].identity)
    qtbot.waitUntil(lambda: SITES[1] in add.site_name.text(), timeout=10_000)
    wrong = site_templates[1].fingerprint.replace(site_templates[1].fingerprint[0],
                                                  "1" if site_templates[1].fingerprint[0] != "1" else "2", 1)
    add.fingerprint.setText(wrong)
    add.trust_button.click()
    qtbot.waitUntil(lambda: not add.error.isHidden(), timeout=10_000)
    assert "fingerprint" in add.error.text().lower()
    assert dialog.model.rows[0].revoked
    add.fingerprint.setText(site_templates[1].fingerprint)
    add.trust_button.click()
    qtbot.waitUntil(lambda: not dialog.model.rows[0].revoked, timeout=10_000)
    assert SITES[1] in dialog.status.text()


def test_a_broken_identity_file_is_explained(qtbot: QtBot, sites: list[Path], tmp_path: Path,
                                             open_runner: Callable[..., TaskRunner]) -> None:
    from ui.sync.add_site_dialog import AddSiteDialog

    a = open_runner(sites[0])
    broken = tmp_path / "broken.identity"
    broken.write_text("{not json")
    dialog = AddSiteDialog(a, start_folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.load(broken)
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    assert not dialog.trust_button.isEnabled()


def test_coordinators_see_the_sites_but_cannot_change_trust(qtbot: QtBot, sites: list[Path], tmp_path: Path,
                                                            open_runner: Callable[..., TaskRunner]) -> None:
    from ui.sync.trusted_sites import TrustedSitesDialog

    b = open_runner(sites[1], "cora")
    dialog = TrustedSitesDialog(b, may_manage=False, start_folder=tmp_path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    assert dialog.add_button.isHidden() and dialog.revoke_button.isHidden()
    dialog.revoke(SITES[0], "trying anyway")  # the core refuses it too
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    assert not dialog.model.rows[0].revoked
