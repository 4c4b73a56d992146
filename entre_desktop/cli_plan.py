"""``entre plan pdf``: print release support plans from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from entre_desktop.errors import ValidationError
from entre_desktop.i18n import _
from entre_desktop.services.session import Session


def _plan_pdf(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.printing import print_plan, print_releases_within

    if args.releases_within is not None:
        if args.client_id:
            raise ValidationError(_("Give either a client id or --releases-within, not both."))

        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty():
                print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

        result = print_releases_within(session, args.releases_within, Path(args.output), variant=args.variant,
                                       language=args.lang_plan, progress=progress)
        for copy in result.printed:
            print(copy.path)
        for client_id, why in result.skipped:
            print(_("Skipped {id}: {why}", id=client_id, why=why), file=sys.stderr)
        print(_("Printed {n} plans into {folder}.", n=len(result.printed), folder=args.output), file=sys.stderr)
        return 0
    if not args.client_id:
        raise ValidationError(_("Name the client (CLIENT_ID) or use --releases-within DAYS."))
    copy, _changes = print_plan(session, args.client_id, Path(args.output), variant=args.variant,
                                language=args.lang_plan, agency_id=args.agency)
    print(_("Wrote copy {n} to {path} (document {hash}).", n=copy.copy_number, path=copy.path,
            hash=copy.document_hash))
    return 0


def register(sub: Any, handlers: dict[str, Any]) -> None:
    plans = sub.add_parser("plan", help=_("release support plans"))
    inner = plans.add_subparsers(metavar="COMMAND")
    plans.set_defaults(handler=None)
    pdf = inner.add_parser("pdf", help=_("print a release support plan as PDF"))
    pdf.add_argument("client_id", nargs="?", metavar="CLIENT_ID")
    pdf.add_argument("-o", "--output", required=True, metavar="FILE_OR_DIR",
                     help=_("the PDF file, or the folder for --releases-within"))
    pdf.add_argument("--variant", choices=("internal", "agency", "client"), default="internal")
    pdf.add_argument("--agency", metavar="ID", help=_("the receiving agency of an agency copy"))
    pdf.add_argument("--lang", dest="lang_plan", choices=("sv", "en"), help=_("language of the plan"))
    pdf.add_argument("--releases-within", type=int, metavar="DAYS",
                     help=_("print plans for everyone released within DAYS days"))
    pdf.set_defaults(handler=handlers["with_session"](_plan_pdf))
