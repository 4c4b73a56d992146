"""Operations commands of ``entre``: backup, restore, export-data, retention, diagnostics.

Registered through ``cli_parser.EXTENSION_MODULES``; the shared helpers (sessions, passphrases, output)
come from the ``cli`` module's namespace that ``add_commands`` passes in. Registering also starts
the log file and the hook that logs unhandled exceptions (see ``logging_setup``).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from entre_desktop.errors import EntreError
from entre_desktop.i18n import _
from entre_desktop.logging_setup import log_unexpected

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace], int]


def _logged(command: str, handler: Handler) -> Handler:
    """Logs the command's kind and outcome (never its arguments) and any unexpected error."""

    def run(args: argparse.Namespace) -> int:
        log.info("command %s", command)
        try:
            status = handler(args)
        except EntreError as error:
            log.info("command %s refused: %s (status %d)", command, type(error).__name__, error.exit_code)
            raise
        except Exception as error:
            log_unexpected(error, where=command)
            raise
        log.info("command %s finished: status %d", command, status)
        return status

    return run


def _subcommands(parser: argparse.ArgumentParser) -> Any:
    # argparse has no public way to reach a parser's subcommands.
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def register(sub: Any, handlers: dict[str, Any]) -> None:
    cli = _Cli(handlers)
    session = handlers["with_session"]

    backup = sub.add_parser("backup", help=_("write a verified, encrypted backup of the database (administrators)"))
    backup.add_argument("-o", "--output", required=True, metavar="FILE", help=_("the backup file to write"))
    backup.set_defaults(handler=_logged("backup", session(cli.backup)))

    restore = sub.add_parser("restore", help=_("replace the database with a backup (administrators)"))
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    restore.set_defaults(handler=_logged("restore", cli.restore))

    client = sub.choices.get("client")
    if client is not None:
        export = _subcommands(client).add_parser(
            "export-data", help=_("everything stored about one client, as FILE.json and FILE.pdf (coordinators)"))
        export.add_argument("client_id", metavar="CLIENT_ID")
        export.add_argument("-o", "--output", required=True, metavar="FILE",
                            help=_("where to write: FILE.json and FILE.pdf (an ending .pdf or .json is dropped)"))
        export.set_defaults(handler=_logged("export-data", session(cli.export_data)))
        purge = _subcommands(client).add_parser(
            "purge", help=_("erase everything stored about one client, at every site (administrators)"))
        purge.add_argument("client_id", metavar="CLIENT_ID")
        purge.add_argument("--reason", required=True, help=_("why: the retention rule or the erasure request"))
        purge.add_argument("--erasure", action="store_true",
                           help=_("the person's request to be erased was granted: purge before the retention "
                                  "period is over"))
        purge.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
        purge.set_defaults(handler=_logged("purge", session(cli.purge)))

    retention = sub.add_parser("retention", help=_("retention periods and legal holds (coordinators)"))
    retention.set_defaults(handler=None)
    inner = retention.add_subparsers(metavar="COMMAND")
    due = inner.add_parser("list", help=_("clients whose records are past their retention period"))
    due.add_argument("--kind", default="client_record", help=_("kind of record (default client_record)"))
    due.add_argument("--json", action="store_true")
    due.set_defaults(handler=_logged("retention-list", session(cli.retention_list)))
    rules = inner.add_parser("rules", help=_("how many years each kind of record is kept"))
    rules.add_argument("--json", action="store_true")
    rules.set_defaults(handler=_logged("retention-rules", session(cli.retention_rules)))
    set_rule = inner.add_parser("set-rule", help=_("change how long a kind of record is kept (administrators)"))
    set_rule.add_argument("kind")
    set_rule.add_argument("years", type=int)
    set_rule.set_defaults(handler=_logged("retention-set-rule", session(cli.retention_set_rule)))
    hold = inner.add_parser("hold", help=_("place a legal hold on a client's record"))
    hold.add_argument("client_id", metavar="CLIENT_ID")
    hold.add_argument("--reason", required=True)
    hold.set_defaults(handler=_logged("retention-hold", session(cli.retention_hold)))
    release = inner.add_parser("release", help=_("release a legal hold"))
    release.add_argument("hold_id", metavar="HOLD_ID")
    release.add_argument("--reason", required=True)
    release.set_defaults(handler=_logged("retention-release", session(cli.retention_release)))
    holds = inner.add_parser("holds", help=_("list legal holds"))
    holds.add_argument("--all", action="store_true", help=_("include released holds"))
    holds.add_argument("--json", action="store_true")
    holds.set_defaults(handler=_logged("retention-holds", session(cli.retention_holds)))

    diagnostics = sub.add_parser("diagnostics", help=_("versions, folders and the end of the log, for support"))
    diagnostics.add_argument("--lines", type=int, default=50, help=_("how many log lines to show"))
    diagnostics.set_defaults(handler=_logged("diagnostics", cli.diagnostics))


class _Cli:
    """The handlers; ``h`` is the cli module's namespace (passphrase, db_path, print_json, ...)."""

    def __init__(self, handlers: dict[str, Any]) -> None:
        self.h = handlers

    def backup(self, session: Any, args: argparse.Namespace) -> int:
        from entre_desktop.services.backup import create_backup

        result = create_backup(session, Path(args.output))
        print(_("Backup written to {path} ({size} bytes, {rows} rows) and verified.", path=result.path,
                size=result.size, rows=result.rows))
        return 0

    def restore(self, args: argparse.Namespace) -> int:
        from entre_desktop.services.backup import read_backup_info, restore_backup, restored_site_warning

        backup = Path(args.file)
        info = read_backup_info(backup)
        target = self.h["db_path"](args)
        if not args.yes and not self._confirm(
            _("Restoring replaces the database: confirm with --yes."),
            _("Replace the database {path} with the backup of site {site} made {created_at}? The current database "
              "is kept beside it. [y/N]", path=target, site=info.site_name, created_at=info.created_at)
        ):
            print(_("Nothing was restored."), file=sys.stderr)
            return 1
        result = restore_backup(backup, target, user_name=self.h["user_name"](args),
                                passphrase=self.h["passphrase"](args))
        print(_("Restored the backup made {created_at} to {path}.", created_at=result.created_at, path=result.db_path))
        if result.kept_aside is not None:
            print(_("The previous database is kept as {path} (with its key-slot file beside it).",
                    path=result.kept_aside))
        if result.exchanges_bundles:
            print(restored_site_warning(), file=sys.stderr)
        return 0

    def _confirm(self, without_terminal: str, question: str) -> bool:
        if not sys.stdin.isatty():
            raise self.h["UsageError"](without_terminal)
        answer = input(question + " ")
        return answer.strip().lower() in {"y", "yes", "j", "ja"}

    def export_data(self, session: Any, args: argparse.Namespace) -> int:
        from entre_desktop.services.subject_export import export_subject_data

        result = export_subject_data(session, args.client_id, Path(args.output))
        print(_("Wrote {json} and {pdf} ({rows} records, {files} attached files).", json=result.json_path,
                pdf=result.pdf_path, rows=sum(result.rows.values()), files=result.attachments))
        print(_("Review both files for information covered by secrecy before handing them over."), file=sys.stderr)
        return 0

    def purge(self, session: Any, args: argparse.Namespace) -> int:
        from entre_desktop.services.purge import purge_client

        if not args.yes and not self._confirm(
            _("Purging erases the client for good: confirm with --yes."),
            _("Erase everything stored about client {id}, here and at every site it syncs with? This cannot be "
              "undone. [y/N]", id=args.client_id),
        ):
            print(_("Nothing was purged."), file=sys.stderr)
            return 1
        result = purge_client(session, args.client_id, reason=args.reason, erasure=args.erasure)
        print(_("Purged client {id}: {records} records erased. The purge reaches other sites with the next "
                "bundle.", id=result.client_id, records=result.records))
        return 0

    def retention_list(self, session: Any, args: argparse.Namespace) -> int:
        from entre_desktop.services.retention import clients_past_retention

        due = clients_past_retention(session, args.kind)
        if args.json:
            self.h["print_json"](due)
        else:
            self.h["print_table"]([_("Client"), _("Ended"), _("Stage"), _("Kept until")],
                                  [(c.client_id, c.ended_on, c.end_stage, c.kept_until) for c in due])
        return 0

    def retention_rules(self, session: Any, args: argparse.Namespace) -> int:
        from entre_desktop.services.retention import record_kind_label, retention_rules

        rules = retention_rules(session)
        if args.json:
            self.h["print_json"](rules)
        else:
            self.h["print_table"](
                [_("Kind"), _("Years after the programme ended"), ""],
                [(f"{r.kind.value} ({record_kind_label(r.kind)})", r.years, _("default") if r.is_default else "")
                 for r in rules],
            )
        return 0

    def retention_set_rule(self, session: Any, args: argparse.Namespace) -> int:
        from entre_desktop.services.retention import parse_kind, set_retention_rule

        set_retention_rule(session, args.kind, args.years)
        print(_("{kind} is now kept {years} years after the programme ended.", kind=parse_kind(args.kind).value,
                years=args.years))
        return 0

    def retention_hold(self, session: Any, args: argparse.Namespace) -> int:
        from entre_desktop.services.retention import place_legal_hold

        hold_id, _changes = place_legal_hold(session, args.client_id, reason=args.reason)
        print(_("Legal hold placed."))
        print(hold_id)
        return 0

    def retention_release(self, session: Any, args: argparse.Namespace) -> int:
        from entre_desktop.services.retention import release_legal_hold

        release_legal_hold(session, args.hold_id, reason=args.reason)
        print(_("Legal hold released."))
        return 0

    def retention_holds(self, session: Any, args: argparse.Namespace) -> int:
        from entre_desktop.services.retention import legal_holds

        holds = legal_holds(session, include_released=args.all)
        if args.json:
            self.h["print_json"](holds)
        else:
            self.h["print_table"]([_("Id"), _("Client"), _("Placed"), _("By"), _("Released"), _("Reason")],
                                  [(h.id, h.client_id, h.placed_at, h.placed_by, h.released_at or "", h.reason)
                                   for h in holds])
        return 0

    def diagnostics(self, args: argparse.Namespace) -> int:
        from entre_desktop.diagnostics import diagnostics_text

        sys.stdout.write(diagnostics_text(log_lines=max(0, args.lines)))
        return 0
