"""The ``yrkesresan`` command: the JSON contract from a shell, for everyone who
neither links C nor writes Python. ``yrkesresan --help`` lists the commands.

argparse (the standard library) rather than click or typer: the command needs
nothing beyond the package itself, subcommands and --help come with it, and
the exit codes stay in our hands."""

from __future__ import annotations

import argparse
import datetime
import sys
from typing import List, Optional

from .. import __version__
from ..errors import Error
from . import _certificates, _commands, _programs
from ._common import EXIT_CODES_HELP, EXIT_INTERNAL, EXIT_IO, EXIT_USAGE, exit_code, report_error

__all__ = ["main", "parser"]


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("sv", "en"), default=argparse.SUPPRESS,
                        help="language of messages and reports (default sv)")
    common.add_argument("--error-format", choices=("text", "json"), default=argparse.SUPPRESS,
                        help="errors on stderr as text lines (default) or the contract's error document")
    program_options = argparse.ArgumentParser(add_help=False)
    program_options.add_argument("--program", default="gr-barn-unga", metavar="PROGRAM",
                                 help="a built-in program id or a program file (default gr-barn-unga)")
    program_options.add_argument("--overlay", action="append", default=[], metavar="FILE",
                                 help="an overlay file layered on, in order (repeat for municipality, then unit)")

    top = argparse.ArgumentParser(
        prog="yrkesresan", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        description="The rules of Swedish introduction programs for social workers, on the JSON contract "
                    "(docs/contract.md).", epilog=EXIT_CODES_HELP)
    top.add_argument("--version", action="version", version=f"yrkesresan {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _commands.add(sub, common, program_options)
    _programs.add(sub, common, program_options)
    _certificates.add(sub, common, program_options)
    serve = sub.add_parser("serve", parents=[common], help="the HTTP service and the reference page",
                           description="Serves the JSON contract over HTTP (OpenAPI at /openapi.json) and the "
                                       "reference page at /. Needs the 'service' extra.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--program", action="append", default=[], metavar="FILE",
                       help="a program definition file served beside the built-in programs, by its id (repeat)")
    serve.add_argument("--overlay", action="append", default=[], metavar="FILE",
                       help="overlay files loaded at start, each applied to the program it names")
    serve.add_argument("--key", metavar="FILE", help="a key file (keygen) to sign credentials with")
    serve.add_argument("--issuer-id", default="", metavar="URI", help="the issuer's id on signed credentials")
    serve.add_argument("--issuer-name", default="", metavar="NAME", help="the issuer's name on signed credentials")
    serve.set_defaults(run=_serve)
    _epilogs(top)
    return top


def _epilogs(p: argparse.ArgumentParser) -> None:
    """The exit codes under every command's --help."""
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                child.epilog, child.formatter_class = EXIT_CODES_HELP, argparse.RawDescriptionHelpFormatter
                _epilogs(child)


def _serve(args: argparse.Namespace) -> int:
    try:
        from ..service import run
    except ImportError:
        sys.stderr.write("yrkesresan: serve needs the service extra: pip install 'yrkesresan[service]'\n")
        return EXIT_USAGE
    return run(args.host, args.port, args.workers, args.overlay, args.key, args.issuer_id, args.issuer_name,
               args.program)


def main(argv: Optional[List[str]] = None) -> int:
    args = parser().parse_args(argv)
    args.lang = getattr(args, "lang", "sv")
    args.error_format = getattr(args, "error_format", "text")
    if getattr(args, "as_of", "") is None:
        args.as_of = datetime.date.today()
    try:
        return int(args.run(args))
    except Error as e:
        report_error(e, args.error_format)
        return exit_code(e)
    except BrokenPipeError:
        return 0
    except OSError as e:
        # The file's name as given, and why: never its content.
        sys.stderr.write(f"yrkesresan: {e.filename or 'a file'}: {e.strerror or 'cannot be read or written'}\n")
        return EXIT_IO
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # a bug of ours: its type only, since a message may quote the input
        sys.stderr.write(f"yrkesresan: internal error ({type(e).__name__}); please report it\n")
        return EXIT_INTERNAL
