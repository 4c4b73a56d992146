"""``entre sync …``: site identities and trust, bundles, conflicts (registered in cli_parser).

Exit status as for every command: 0 ok, 1 refused (untrusted or revoked site, bundle for another
site, a clock far in the future, bad input), 3 authentication, 4 a damaged or altered bundle.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _
from entre_desktop.services.session import Session

Run = Callable[[Session, argparse.Namespace], int]


def register(sub: Any, handlers: Mapping[str, Any]) -> None:
    """Add ``entre sync`` to the command tree (``handlers``: the cli module's functions)."""
    session: Callable[[Run], Any] = handlers["with_session"]
    parser = sub.add_parser("sync", help=_("exchange changes with other sites through bundle files"))
    inner = parser.add_subparsers(metavar="COMMAND")
    parser.set_defaults(handler=None)

    identity = inner.add_parser("identity", help=_("write this site's identity file and show its fingerprint"))
    identity.add_argument("-o", "--output", required=True, metavar="FILE")
    identity.set_defaults(handler=session(_identity))

    trust = inner.add_parser("trust", help=_("trust another site after comparing its fingerprint by phone "
                                             "(administrators)"))
    trust.add_argument("file", metavar="FILE", help=_("the other site's identity file"))
    trust.add_argument("--fingerprint", required=True, metavar="DIGITS",
                       help=_("the fingerprint the other site read out to you"))
    trust.set_defaults(handler=session(_trust))

    sites = inner.add_parser("sites", help=_("list the trusted sites"))
    sites.add_argument("--json", action="store_true")
    sites.set_defaults(handler=session(lambda s, a: _sites(s, a, handlers)))

    revoke = inner.add_parser("revoke", help=_("stop trusting a site (administrators)"))
    revoke.add_argument("site", metavar="SITE", help=_("the site's name or id"))
    revoke.add_argument("--reason", default="")
    revoke.set_defaults(handler=session(_revoke))

    export = inner.add_parser("export", help=_("write a bundle of changes for other sites"))
    export.add_argument("--to", action="append", required=True, metavar="SITE",
                        help=_("a trusted site's name or id (repeat for several sites)"))
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.add_argument("--all", action="store_true",
                        help=_("every change, not only those the sites have not acknowledged"))
    export.set_defaults(handler=session(_export))

    imp = inner.add_parser("import", help=_("import a bundle from another site"))
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help=_("only show what the bundle would change"))
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=session(lambda s, a: _import(s, a, handlers)))

    conflicts = inner.add_parser("conflicts", help=_("list fields edited at two sites at the same time"))
    conflicts.add_argument("--json", action="store_true")
    conflicts.set_defaults(handler=session(lambda s, a: _conflicts(s, a, handlers)))

    resolve = inner.add_parser("resolve", help=_("resolve a conflict (coordinators)"))
    resolve.add_argument("conflict_id", metavar="ID")
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", type=int, metavar="N", help=_("keep value number N as listed"))
    choice.add_argument("--value", metavar="TEXT", help=_("write this value instead"))
    resolve.set_defaults(handler=session(_resolve))


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)


def _end_progress() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)


def _read(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ValidationError(_("Cannot read the {what} file {path}: {reason}.", what=what, path=path,
                                reason=error.strerror or str(error))) from error


def _identity(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.sync import export_identity

    exported = export_identity(session, Path(args.output))
    print(_("Wrote the identity of site {site} ({id}) to {path}.", site=exported.site_name, id=exported.site_id,
            path=args.output))
    print(_("Fingerprint: {fingerprint}", fingerprint=exported.fingerprint))
    return 0


def _trust(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.sync import trust_site

    site = trust_site(session, _read(args.file, _("identity")), args.fingerprint)
    print(_("Site {site} ({id}) is now trusted.", site=site.name, id=site.site_id))
    return 0


def _sites(session: Session, args: argparse.Namespace, handlers: Mapping[str, Any]) -> int:
    from entre_desktop.services.sync import list_sites

    sites = list_sites(session)
    if args.json:
        handlers["print_json"](sites)
        return 0
    handlers["print_table"](
        [_("Site"), _("Id"), _("Fingerprint"), _("Status"), _("Last import")],
        [(s.name, s.site_id, s.fingerprint, _("revoked") if s.revoked else _("trusted"), s.last_import_at or "")
         for s in sites],
    )
    return 0


def _revoke(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.sync import revoke_site

    site = revoke_site(session, args.site, reason=args.reason)
    print(_("Site {site} ({id}) is revoked: its bundles and change sets are refused from now on.",
            site=site.name, id=site.site_id))
    return 0


def _export(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.sync import export_bundle

    summary = export_bundle(session, to=args.to, all_changes=args.all, progress=_progress, output=Path(args.output))
    _end_progress()
    print(_("Wrote {path} for {sites}: {changes} changes in {sets} change sets ({size} bytes).", path=args.output,
            sites=", ".join(summary.recipients), changes=summary.changes, sets=summary.changesets,
            size=summary.size))
    return 0


def _import(session: Session, args: argparse.Namespace, handlers: Mapping[str, Any]) -> int:
    from entre_desktop.services.sync import import_bundle, preview_import

    run = preview_import if args.dry_run else import_bundle
    summary = run(session, Path(args.file), _progress)
    _end_progress()
    if args.json:
        handlers["print_json"](summary)
        return 0
    if summary.already_imported:
        print(_("This bundle ({id}) from site {site} was imported before; nothing was changed.",
                id=summary.bundle_id, site=summary.sender_name))
        return 0
    if summary.dry_run:
        print(_("Dry run: nothing was changed. Importing this bundle would do the following."))
    print(_("Bundle {id} from site {site}: {sets} change sets with {changes} changes.", id=summary.bundle_id,
            site=summary.sender_name, sets=summary.changesets, changes=summary.changes))
    print(_("Clients: {clients}. Records added: {added}, changed: {changed}, deleted: {deleted}, purged: {purged}.",
            clients=summary.clients, added=sum(summary.added.values()), changed=sum(summary.changed.values()),
            deleted=sum(summary.deleted.values()), purged=sum(summary.purged.values())))
    print(_("Conflicts: {new} new, {open} open.", new=summary.new_conflicts, open=summary.conflicts))
    if summary.duplicate_changesets:
        print(_("{n} change sets were here already.", n=summary.duplicate_changesets))
    for gap in summary.gaps:
        print(_("Changes {first}–{last} from site {site} have not arrived; later changes from that site wait "
                "until they do. Ask a site that has them for a bundle.", first=gap.first_missing,
                last=gap.last_missing, site=gap.origin_name), file=sys.stderr)
    for site, count in summary.untrusted.items():
        print(_("{n} change sets made by site {site}, which this site does not trust, were left out.",
                n=count, site=site), file=sys.stderr)
    return 0


def _conflicts(session: Session, args: argparse.Namespace, handlers: Mapping[str, Any]) -> int:
    from entre_desktop.services.conflicts import list_conflicts

    found = list_conflicts(session)
    if args.json:
        # Special-category values stay inside the client's record, never in a list.
        handlers["print_json"]([
            dataclasses.replace(c, values=tuple(dataclasses.replace(v, value=None) for v in c.values))
            if c.sensitive else c for c in found
        ])
        return 0
    if not found:
        print(_("No conflicts."))
        return 0
    for conflict in found:
        print(_("Conflict {id}: {table}.{column} of record {record}", id=conflict.id, table=conflict.table,
                column=conflict.column, record=conflict.record_id))
        for number, value in enumerate(conflict.values, start=1):
            shown = _("(shown)") if value.shown else ""
            text = _("(open the record to see it)") if conflict.sensitive else repr(value.value)
            print(f"  {number}. {text}  {value.site_name}  {value.at.isoformat(timespec='seconds')}"
                  f"  {value.author}  {shown}".rstrip())
    return 0


def _resolve(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.conflicts import NEW_VALUE, get_conflict, resolve_conflict

    if args.value is not None:
        resolve_conflict(session, args.conflict_id, NEW_VALUE, args.value)
    else:
        values = get_conflict(session, args.conflict_id).values
        if not 1 <= args.keep <= len(values):
            raise ValidationError(_("Choose a value between 1 and {n}.", n=len(values)), field="keep")
        resolve_conflict(session, args.conflict_id, values[args.keep - 1].stamp)
    print(_("Conflict {id} resolved.", id=args.conflict_id))
    return 0
