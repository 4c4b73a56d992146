"""Site identities and trust: this site's identity file, trusting other sites, revoking them.

Trust is established out of band: the other site sends its identity file, and both sides compare
its fingerprint by phone before an administrator trusts it here. Threading: like every service,
on the thread that owns the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from entre_desktop.errors import ConflictError, NotFoundError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.security.roles import Action, is_allowed
from entre_desktop.services.session import Session
from entre_desktop.storage import sync_repo
from entre_desktop.storage.atomic import atomic_write_bytes
from entre_desktop.sync import keystore
from entre_desktop.sync.identity import SiteIdentity, SiteKeys, canonical_site_id, verify_fingerprint

AUDIT_SITE_TRUSTED = "site_trusted"
AUDIT_SITE_REVOKED = "site_revoked"


@dataclass(frozen=True)
class IdentityExport:
    site_id: str
    site_name: str
    fingerprint: str
    data: bytes


@dataclass(frozen=True)
class SiteInfo:
    site_id: str
    name: str
    fingerprint: str
    trusted_at: str
    trusted_by: str
    revoked_at: str | None
    revoked_by: str | None
    revoke_reason: str
    last_import_at: str | None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


def site_keys(session: Session, *, create: bool = True) -> SiteKeys:
    """This site's keys; a database made before sync existed gets them now (``create``)."""
    keys = keystore.load_site_keys(session.db, session.site_id)
    if keys is not None:
        return keys
    if not create:
        return SiteKeys.generate(session.site_id, session.site_name, clock=session.clock)
    with session.write():
        return keystore.create_site_keys(session.db, site_id=session.site_id, site_name=session.site_name,
                                         created_at=session.now_iso())


def export_identity(session: Session, path: Path | None = None) -> IdentityExport:
    """This site's public identity file (written atomically to ``path`` when given)."""
    session.require(Action.SYNC)
    identity = site_keys(session).public_identity()
    data = identity.to_file_bytes()
    if path is not None:
        atomic_write_bytes(Path(path), data)
    return IdentityExport(site_id=identity.site_id, site_name=identity.site_name,
                          fingerprint=identity.fingerprint(), data=data)


def read_identity(data: bytes) -> SiteIdentity:
    """Check an identity file (IdentityFileError if damaged); the caller still compares fingerprints."""
    return SiteIdentity.from_file_bytes(data)


def trust_site(session: Session, identity_file: bytes, fingerprint: str) -> SiteInfo:
    """Trust the site of ``identity_file`` after its fingerprint was compared by phone."""
    session.require(Action.MANAGE_SITE_TRUST)
    identity = read_identity(identity_file)
    verify_fingerprint(identity, fingerprint)
    if identity.site_id == session.site_id:
        raise ConflictError(_("This is this site's own identity file. Import the identity file of another site."))
    previous = sync_repo.trusted_site(session.db, identity.site_id)
    with session.write():
        sync_repo.upsert_trusted_site(
            session.db, site_id=identity.site_id, site_name=identity.site_name,
            identity=identity.to_file_bytes().decode("utf-8"), fingerprint=identity.fingerprint(),
            trusted_at=session.now_iso(), trusted_by=session.user.name,
        )
        again = " again" if previous is not None else ""
        session.audit(AUDIT_SITE_TRUSTED, target=identity.site_id,
                      detail=f"site={identity.site_name}{again} fingerprint={identity.fingerprint()}")
    return find_site(session, identity.site_id)


def list_sites(session: Session) -> list[SiteInfo]:
    """The sites this site has trusted, revoked ones included."""
    if not is_allowed(session.user.role, Action.MANAGE_SITE_TRUST):
        session.require(Action.SYNC)
    return [_info(session, row) for row in sync_repo.trusted_sites(session.db)]


def revoke_site(session: Session, site: str, *, reason: str = "") -> SiteInfo:
    """Refuse everything signed by ``site`` from now on (bundles and relayed change sets)."""
    session.require(Action.MANAGE_SITE_TRUST)
    info = find_site(session, site)
    if info.revoked:
        raise ConflictError(_("Site {site} is already revoked.", site=info.name))
    with session.write():
        sync_repo.revoke_site(session.db, info.site_id, revoked_at=session.now_iso(), revoked_by=session.user.name,
                              reason=reason.strip())
        session.audit(AUDIT_SITE_REVOKED, target=info.site_id, detail=f"site={info.name}", reason=reason.strip())
    return find_site(session, info.site_id)


def find_site(session: Session, site: str) -> SiteInfo:
    """A trusted (or revoked) site by its id or its name (case does not matter)."""
    rows = sync_repo.trusted_sites(session.db)
    try:
        wanted = canonical_site_id(site.strip())
        matches = [r for r in rows if r.site_id == wanted]
    except ValidationError:
        name = site.strip().casefold()
        matches = [r for r in rows if r.site_name.casefold() == name]
    if not matches:
        raise NotFoundError(
            _("This site does not trust a site called {site}. See the trusted sites with 'entre sync sites'.",
              site=site)
        )
    if len(matches) > 1:
        raise ValidationError(
            _("Several trusted sites are called {site}; use the site id instead ({ids}).",
              site=site, ids=", ".join(r.site_id for r in matches)),
            field="site",
        )
    return _info(session, matches[0])


def trusted_identities(session: Session) -> tuple[dict[str, SiteIdentity], list[str]]:
    """(identities of the trusted, unrevoked sites by id, ids of the revoked sites)."""
    trusted: dict[str, SiteIdentity] = {}
    revoked: list[str] = []
    for row in sync_repo.trusted_sites(session.db):
        if row.revoked_at is not None:
            revoked.append(row.site_id)
        else:
            trusted[row.site_id] = SiteIdentity.from_file_bytes(row.identity.encode("utf-8"))
    return trusted, revoked


def _info(session: Session, row: sync_repo.TrustedSiteRow) -> SiteInfo:
    return SiteInfo(site_id=row.site_id, name=row.site_name, fingerprint=row.fingerprint, trusted_at=row.trusted_at,
                    trusted_by=row.trusted_by, revoked_at=row.revoked_at, revoked_by=row.revoked_by,
                    revoke_reason=row.revoke_reason,
                    last_import_at=sync_repo.last_import_from(session.db, row.site_id))
