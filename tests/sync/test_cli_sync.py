"""``entre sync …``: output and exit statuses (0 ok, 1 refused, 4 damaged or altered)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_support import BASE_TIME, PASSPHRASES, SiteTemplate, copy_site, open_site, personal_number

from entre_desktop.cli import main
from entre_desktop.clock import FixedClock
from entre_desktop.services.clients import NewClient, add_client, update_client
from entre_desktop.sync.identity import SiteIdentity


class Site:
    def __init__(self, template: SiteTemplate, folder: Path) -> None:
        self.template = template
        self.path = copy_site(template, folder)
        self.name = template.name
        self.folder = folder

    def run(self, *args: str, user: str = "admin") -> int:
        secret = self.folder / f"{user}.pass"
        secret.write_text(PASSPHRASES[user] + "\n", encoding="utf-8")
        return main(["--db", str(self.path), "--user", user, "--passphrase-file", str(secret), *args])

    def add_client(self, index: int = 1) -> str:
        session = open_site(self.template, self.path, FixedClock(BASE_TIME))
        try:
            client, _changes = add_client(session, NewClient(name="Cli Clientsson", personal_number=personal_number(index)))
        finally:
            session.close()
        return client

    def edit(self, client: str, **fields: str) -> None:
        session = open_site(self.template, self.path, FixedClock(BASE_TIME))
        try:
            update_client(session, client, dict(fields))
        finally:
            session.close()


@pytest.fixture
def sites(site_templates: list[SiteTemplate], tmp_path: Path) -> list[Site]:
    return [Site(t, tmp_path) for t in site_templates[:3]]


def test_identity_prints_the_fingerprint(sites: list[Site], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "kumla.identity"
    assert sites[0].run("sync", "identity", "-o", str(target)) == 0
    identity = SiteIdentity.from_file_bytes(target.read_bytes())
    assert f"Fingerprint: {identity.fingerprint()}" in capsys.readouterr().out
    assert identity.site_name == sites[0].name


def test_trust_checks_the_fingerprint_and_the_role(sites: list[Site], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "malmo.identity"
    assert sites[1].run("sync", "identity", "-o", str(target)) == 0
    fingerprint = SiteIdentity.from_file_bytes(target.read_bytes()).fingerprint()
    wrong = ("1" if fingerprint[0] != "1" else "2") + fingerprint[1:]
    capsys.readouterr()
    assert sites[0].run("sync", "trust", str(target), "--fingerprint", wrong) == 1
    assert "does not match" in capsys.readouterr().err
    assert sites[0].run("sync", "trust", str(target), "--fingerprint", fingerprint, user="cora") == 1
    assert sites[0].run("sync", "trust", str(target), "--fingerprint", fingerprint.replace(" ", "-")) == 0
    assert "is now trusted" in capsys.readouterr().out


def test_sites_lists_and_revoke_refuses(sites: list[Site], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b, _c = sites
    assert b.run("sync", "sites", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert a.name in {s["name"] for s in listed} and len(listed) == 4
    a.add_client()
    bundle = tmp_path / "a-to-b.entre"
    assert a.run("sync", "export", "--to", b.name, "-o", str(bundle)) == 0
    assert b.run("sync", "revoke", a.name, "--reason", "stolen laptop") == 0
    capsys.readouterr()
    assert b.run("sync", "import", str(bundle)) == 1
    assert "revoked" in capsys.readouterr().err


def test_export_import_and_reimport(sites: list[Site], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b, _c = sites
    a.add_client()
    bundle = tmp_path / "a-to-b.entre"
    assert a.run("sync", "export", "--to", b.name, "-o", str(bundle)) == 0
    assert f"Wrote {bundle}" in capsys.readouterr().out
    assert b.run("sync", "import", str(bundle), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Dry run" in out and "Clients: 1." in out
    assert b.run("sync", "import", str(bundle)) == 0
    out = capsys.readouterr().out
    assert "Dry run" not in out and "Records added: 4" in out  # site, client, enrolment, stage change
    assert b.run("sync", "import", str(bundle)) == 0
    assert "imported before" in capsys.readouterr().out
    assert b.run("sync", "import", str(bundle), "--json") == 0
    assert json.loads(capsys.readouterr().out)["already_imported"] is True


def test_a_damaged_bundle_exits_4_and_a_foreign_one_exits_1(sites: list[Site], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    a, b, c = sites
    a.add_client()
    bundle = tmp_path / "a-to-b.entre"
    assert a.run("sync", "export", "--to", b.name, "-o", str(bundle)) == 0
    damaged = bytearray(bundle.read_bytes())
    damaged[-100] ^= 0x01
    broken = tmp_path / "broken.entre"
    broken.write_bytes(bytes(damaged))
    capsys.readouterr()
    assert b.run("sync", "import", str(broken)) == 4
    assert "signature does not match" in capsys.readouterr().err
    assert c.run("sync", "import", str(bundle)) == 1
    assert "made for other sites" in capsys.readouterr().err
    assert b.run("sync", "import", str(tmp_path / "missing.entre")) == 1
    not_a_bundle = tmp_path / "notes.txt"
    not_a_bundle.write_text("hello")
    assert b.run("sync", "import", str(not_a_bundle)) == 4


def test_officers_may_not_export(sites: list[Site], tmp_path: Path) -> None:
    assert sites[0].run("sync", "export", "--to", sites[1].name, "-o", str(tmp_path / "x"), user="olle") == 1
    assert not (tmp_path / "x").exists()


def test_conflicts_are_listed_and_resolved(sites: list[Site], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    a, b, _c = sites
    client = a.add_client()
    first = tmp_path / "first.entre"
    assert a.run("sync", "export", "--to", b.name, "-o", str(first)) == 0
    assert b.run("sync", "import", str(first)) == 0
    a.edit(client, phone="070-111")
    b.edit(client, phone="070-222")
    from_b = tmp_path / "from-b.entre"
    assert b.run("sync", "export", "--to", a.name, "-o", str(from_b)) == 0
    assert a.run("sync", "import", str(from_b)) == 0
    assert "Conflicts: 1 new, 1 open." in capsys.readouterr().out
    assert a.run("sync", "conflicts", "--json") == 0
    (conflict,) = json.loads(capsys.readouterr().out)
    assert {v["value"] for v in conflict["values"]} == {"070-111", "070-222"}
    assert a.run("sync", "conflicts") == 0
    assert f"Conflict {conflict['id']}: client.phone" in capsys.readouterr().out
    assert a.run("sync", "resolve", conflict["id"], "--keep", "3", user="cora") == 1
    assert a.run("sync", "resolve", conflict["id"], "--keep", "2", user="olle") == 1
    assert a.run("sync", "resolve", conflict["id"], "--keep", "2", user="cora") == 0
    assert a.run("sync", "conflicts") == 0
    assert "No conflicts." in capsys.readouterr().out
    assert a.run("sync", "resolve", conflict["id"], "--value", "070-333", user="cora") == 1
