"""The ``entre`` command: the scripting and administration surface of the core.

Exit status: 0 ok, 1 invalid input or refused action, 2 usage, 3 authentication failed,
4 integrity failure (damaged or tampered data). Messages go to stderr.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from entre_desktop.errors import AuthenticationError, EntreError, ValidationError
from entre_desktop.i18n import _
from entre_desktop.paths import default_db_path
from entre_desktop.services.session import Session
from entre_desktop.version import version_string

log = logging.getLogger("entre_desktop.cli")

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_AUTH, EXIT_INTEGRITY = 0, 1, 2, 3, 4

Handler = Callable[[argparse.Namespace], int]


class UsageError(EntreError):
    exit_code = EXIT_USAGE


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {_('error')}: {message}\n")


# ---------------------------------------------------------------- passphrases and sessions

def read_passphrase_file(spec: str, *, what: str) -> str:
    """First line of the file (``-`` = standard input), without its line ending."""
    try:
        if spec == "-":
            line = sys.stdin.readline()
        else:
            with open(spec, encoding="utf-8") as handle:
                line = handle.readline()
    except OSError as error:
        raise ValidationError(_("Cannot read the {what} file {path}: {reason}.", what=what, path=spec,
                                reason=error.strerror)) from error
    except UnicodeDecodeError as error:
        raise ValidationError(_("The {what} file {path} is not UTF-8 text.", what=what, path=spec)) from error
    passphrase = line.rstrip("\r\n")
    if not passphrase:
        raise ValidationError(_("The {what} file {path} is empty.", what=what, path=spec))
    return passphrase


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise UsageError(_("No passphrase given: use --passphrase-file FILE (or - for standard input)."))
    return getpass.getpass(label)


def passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    if args.passphrase_file:
        return read_passphrase_file(args.passphrase_file, what=_("passphrase"))
    first = _prompt(_("Passphrase: "))
    if confirm and _prompt(_("Repeat the passphrase: ")) != first:
        raise ValidationError(_("The two passphrases differ. Nothing was created."))
    return first


def user_name(args: argparse.Namespace) -> str:
    name: str | None = args.user or os.environ.get("ENTRE_USER")
    if not name:
        raise UsageError(_("Say who you are with --user NAME (or set ENTRE_USER)."))
    return name


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def open_session(args: argparse.Namespace) -> Session:
    from entre_desktop.services.database import unlock_database

    return unlock_database(db_path(args), user_name=user_name(args), passphrase=passphrase(args))


def with_session(run: Callable[[Session, argparse.Namespace], int]) -> Handler:
    def handler(args: argparse.Namespace) -> int:
        session = open_session(args)
        try:
            return run(session, args)
        finally:
            session.close()

    return handler


# ---------------------------------------------------------------- output

def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    return value


def print_json(value: Any) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


# ---------------------------------------------------------------- commands

def cmd_init(args: argparse.Namespace) -> int:
    from entre_desktop.services.database import create_database

    path = db_path(args)
    session = create_database(path, site_name=args.site, admin_name=user_name(args),
                              passphrase=passphrase(args, confirm=True))
    session.close()
    print(_("Created the database {path} for site {site}; {user} is its administrator.", path=path,
            site=args.site, user=user_name(args)))
    return EXIT_OK


def _user_list(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.security.roles import role_label
    from entre_desktop.services.users import list_users

    users = list_users(session)
    if args.json:
        print_json(users)
    else:
        print_table([_("User"), _("Name"), _("Role")], [(u.name, u.display_name, role_label(u.role)) for u in users])
    return EXIT_OK


def _user_add(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.users import add_user

    new = read_passphrase_file(args.new_passphrase_file, what=_("new passphrase"))
    add_user(session, name=args.name, role=args.role, passphrase=new, display_name=args.display_name or "")
    print(_("Added {name} ({role}).", name=args.name, role=args.role))
    return EXIT_OK


def _user_passwd(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.users import change_own_passphrase

    new = read_passphrase_file(args.new_passphrase_file, what=_("new passphrase"))
    change_own_passphrase(session, current=args.current_passphrase, new=new)
    print(_("Passphrase changed for {name}.", name=session.user.name))
    return EXIT_OK


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from entre_desktop.services.database import unlock_database

    current = passphrase(args)
    args.current_passphrase = current
    session = unlock_database(db_path(args), user_name=user_name(args), passphrase=current)
    try:
        return _user_passwd(session, args)
    finally:
        session.close()


def _user_remove(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.users import remove_user

    remove_user(session, name=args.name, reason=args.reason or "")
    print(_("Removed {name}; the database has a new key.", name=args.name))
    return EXIT_OK


def _user_role(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.users import change_role

    change_role(session, name=args.name, role=args.role)
    print(_("{name} is now {role}.", name=args.name, role=args.role))
    return EXIT_OK


def _client_add(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.clients import NewClient, add_client

    client_id, _changes = add_client(session, NewClient(
        name=args.name, personal_number=args.personnummer, facility=args.facility or "",
        release_date=args.release_date, sentence_start=args.sentence_start,
        protected_address=args.protected_address,
    ))
    print(_("Added client {name}.", name=" ".join(args.name.split())))
    print(client_id)
    return EXIT_OK


def _print_caseload(rows: Sequence[Any], as_json: bool) -> None:
    from entre_desktop.domain.stages import stage_label

    if as_json:
        print_json(rows)
        return
    print_table(
        [_("Id"), _("Name"), _("Personal number"), _("Facility"), _("Stage"), _("Release"), _("Days")],
        [(r.id, r.name, r.personal_number, r.facility, stage_label(r.stage) if r.stage else "",
          r.release_date, r.days_to_release) for r in rows],
    )


def _client_list(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.clients import caseload

    _print_caseload(caseload(session), args.json)
    return EXIT_OK


def _client_search(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.clients import search

    _print_caseload(search(session, args.text), args.json)
    return EXIT_OK


def _client_show(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.cli_show import print_record
    from entre_desktop.services.clients import get_record

    record = get_record(session, args.client_id)
    if args.json:
        print_json(record)
    else:
        print_record(record)
    return EXIT_OK


def _note_add(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.notes import add_note

    note_id, _changes = add_note(session, args.client_id, args.text, corrects_id=args.corrects)
    print(note_id)
    return EXIT_OK


def _stage_set(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.domain.stages import parse_stage, stage_label
    from entre_desktop.services.stages import set_stage

    set_stage(session, args.client_id, args.stage, reason=args.reason or "", on=args.on)
    print(_("Stage set to {stage}.", stage=stage_label(parse_stage(args.stage))))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from entre_desktop.services.demo import generate_demo
    from entre_desktop.services.demo_database import create_demo_database

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    path = db_path(args)
    existed = path.exists()
    if existed:
        session = open_session(args)
        try:
            summary = generate_demo(session, clients=args.clients, seed=args.seed, progress=progress)
        finally:
            session.close()
    else:
        session, summary = create_demo_database(path, site_name=args.site, admin_name=user_name(args),
                                                passphrase=passphrase(args, confirm=True), clients=args.clients,
                                                seed=args.seed, progress=progress)
        session.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if not existed:
        print(_("Created the demo database {path}.", path=path))
    print(_("Added {clients} fictional clients ({rows} rows).", clients=summary.clients, rows=summary.rows))
    return EXIT_OK


def _audit_verify(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.maintenance import audit_verify, describe_chain

    report = audit_verify(session)
    print(describe_chain(report), file=sys.stdout if report.ok else sys.stderr)
    return EXIT_OK if report.ok else EXIT_INTEGRITY


def _check(session: Session, args: argparse.Namespace) -> int:
    from entre_desktop.services.maintenance import check_database, describe_chain

    report = check_database(session)
    print(_("SQLite integrity: {result}", result=_("ok") if not report.sqlite_problems else "; ".join(report.sqlite_problems)))
    print(_("Cipher integrity: {result}", result=_("ok") if not report.cipher_problems else "; ".join(report.cipher_problems)))
    print(describe_chain(report.audit))
    return EXIT_OK if report.ok else EXIT_INTEGRITY


# ---------------------------------------------------------------- parser

def build_parser() -> argparse.ArgumentParser:
    from entre_desktop.cli_parser import add_commands

    parser = _Parser(prog="entre", description=_("Entré Desktop: case work for the Entré programme."))
    parser.add_argument("--version", action="version", version=f"entre {version_string()}")
    parser.add_argument("--self-test", action="store_true",
                        help=_("check this installation (cryptography, database, PDF, bundles) and exit"))
    parser.add_argument("--db", help=_("database file (default: the platform data folder; env ENTRE_DB)"))
    parser.add_argument("--user", help=_("your user name (env ENTRE_USER)"))
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help=_("read the passphrase from the first line of FILE (- for standard input)"))
    parser.add_argument("--lang", choices=("sv", "en"), help=_("language of messages"))
    parser.add_argument("--debug", action="store_true", help=_("show internal details of unexpected errors"))
    add_commands(parser, globals())
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from entre_desktop.i18n import set_language
    from entre_desktop.logging_setup import configure_logging, install_excepthook, log_unexpected

    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(debug=args.debug)
    install_excepthook()
    if args.lang:
        set_language(args.lang)
    if args.self_test:
        from entre_desktop.self_test import run_and_print

        return EXIT_OK if run_and_print() else EXIT_INTEGRITY
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return handler(args)
    except AuthenticationError as error:
        print(f"entre: {error.message}", file=sys.stderr)
        return EXIT_AUTH
    except EntreError as error:
        log.info("refused: %s (status %d)", type(error).__name__, error.exit_code)
        print(f"entre: {error.message}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        # The reader went away (``entre client list | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print(_("Interrupted; nothing was half-written."), file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: never a raw traceback
        log_unexpected(error, where="entre")
        if args.debug:
            raise
        print(_("entre: unexpected error ({kind}). Nothing was changed. Run again with --debug for details.",
                kind=type(error).__name__), file=sys.stderr)
        return EXIT_INVALID


if __name__ == "__main__":
    raise SystemExit(main())
