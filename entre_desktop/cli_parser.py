"""The ``entre`` command tree. Kept apart from the handlers so each file stays small."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from entre_desktop.i18n import _

_ROLES = ("officer", "coordinator", "admin")


def _group(sub: Any, name: str, help_text: str) -> Any:
    parser = sub.add_parser(name, help=help_text)
    inner = parser.add_subparsers(metavar="COMMAND")
    parser.set_defaults(handler=None)
    return inner


def add_commands(parser: argparse.ArgumentParser, handlers: dict[str, Any]) -> None:
    """Attach every subcommand; ``handlers`` are the cli module's functions."""
    session = handlers["with_session"]
    sub = parser.add_subparsers(metavar="COMMAND")

    init = sub.add_parser("init", help=_("create a new database with you (--user) as its administrator"))
    init.add_argument("--site", required=True, help=_("the site's name, e.g. the prison or probation office"))
    init.set_defaults(handler=handlers["cmd_init"])

    users = _group(sub, "user", _("manage users"))
    add = users.add_parser("add", help=_("add a user (administrators)"))
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=_ROLES)
    add.add_argument("--display-name")
    add.add_argument("--new-passphrase-file", required=True, metavar="FILE",
                     help=_("the new user's passphrase: first line of FILE (- for standard input)"))
    add.set_defaults(handler=session(handlers["_user_add"]))
    passwd = users.add_parser("passwd", help=_("change your own passphrase"))
    passwd.add_argument("--new-passphrase-file", required=True, metavar="FILE")
    passwd.set_defaults(handler=handlers["cmd_user_passwd"])
    remove = users.add_parser("remove", help=_("remove a user and give the database a new key (administrators)"))
    remove.add_argument("name")
    remove.add_argument("--reason")
    remove.set_defaults(handler=session(handlers["_user_remove"]))
    role = users.add_parser("role", help=_("change a user's role (administrators)"))
    role.add_argument("name")
    role.add_argument("role", choices=_ROLES)
    role.set_defaults(handler=session(handlers["_user_role"]))
    listing = users.add_parser("list", help=_("list users"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=session(handlers["_user_list"]))

    clients = _group(sub, "client", _("register, list, show and search clients"))
    cadd = clients.add_parser("add", help=_("register a client; prints the new id as the last line"))
    cadd.add_argument("--name", required=True)
    cadd.add_argument("--personnummer", required=True, help=_("personal identity or coordination number"))
    cadd.add_argument("--facility")
    cadd.add_argument("--release-date", metavar="YYYY-MM-DD", help=_("conditional release date"))
    cadd.add_argument("--sentence-start", metavar="YYYY-MM-DD")
    cadd.add_argument("--protected-address", action="store_true")
    cadd.set_defaults(handler=session(handlers["_client_add"]))
    clist = clients.add_parser("list", help=_("the caseload"))
    clist.add_argument("--json", action="store_true")
    clist.set_defaults(handler=session(handlers["_client_list"]))
    show = clients.add_parser("show", help=_("one client's whole record"))
    show.add_argument("client_id", metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=session(handlers["_client_show"]))
    search = clients.add_parser("search", help=_("full-text search over names, numbers and notes"))
    search.add_argument("text")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=session(handlers["_client_search"]))

    notes = _group(sub, "note", _("append notes"))
    nadd = notes.add_parser("add", help=_("append a note to a client's record"))
    nadd.add_argument("client_id", metavar="CLIENT_ID")
    nadd.add_argument("text")
    nadd.add_argument("--corrects", metavar="NOTE_ID", help=_("the note this one corrects"))
    nadd.set_defaults(handler=session(handlers["_note_add"]))

    stages = _group(sub, "stage", _("programme stages"))
    sset = stages.add_parser("set", help=_("move a client to another stage"))
    sset.add_argument("client_id", metavar="CLIENT_ID")
    sset.add_argument("stage", metavar="STAGE")
    sset.add_argument("--reason")
    sset.add_argument("--on", metavar="YYYY-MM-DD")
    sset.set_defaults(handler=session(handlers["_stage_set"]))

    demo = sub.add_parser("demo", help=_("fill a demo database with fictional people (creates it if missing)"))
    demo.add_argument("--clients", type=int, default=200)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--site", default="Demo")
    demo.set_defaults(handler=handlers["cmd_demo"])

    audit = _group(sub, "audit", _("the audit log"))
    verify = audit.add_parser("verify", help=_("verify the audit log's hash chain"))
    verify.set_defaults(handler=session(handlers["_audit_verify"]))

    check = sub.add_parser("check", help=_("SQLite integrity, cipher integrity and the audit chain"))
    check.set_defaults(handler=session(handlers["_check"]))

    for module in EXTENSION_MODULES:
        importlib.import_module(module).register(sub, handlers)


# Each area (operations, sync, plans) registers its own commands: a module with register(sub, handlers).
EXTENSION_MODULES: tuple[str, ...] = ("entre_desktop.cli_ops", "entre_desktop.cli_sync", "entre_desktop.cli_plan")
