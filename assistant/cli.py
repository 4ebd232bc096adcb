"""`assistant` command: parse arguments, call the pipeline, print. Logs go to stderr only."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from assistant.settings import ROOT, Settings

EXIT_OK, EXIT_USAGE, EXIT_BUSY = 0, 2, 3  # 3: another ingest holds the index; try again


def _settings(args) -> Settings:
    return Settings.from_env(backend=getattr(args, "backend", None))


def _assistant(args):
    from assistant.pipeline import Assistant

    return Assistant(_settings(args), progress=not getattr(args, "quiet", False))


def _print_human(answer) -> None:
    if answer.error:
        print(f"error: {answer.error}")
        return
    if answer.standalone_question:
        print(f"(interpreted as: {answer.standalone_question})\n")
    print(answer.answer)
    if answer.citations:
        print("\nSources:")
        for c in answer.citations:
            print(f"[{c.n}] {c.title} ({c.date}), {c.section}:\n    \"{c.quote}\"")
    for note in answer.notes:
        print(f"\nNote: {note}")


def cmd_ask(args) -> int:
    if args.batch:
        return _ask_batch(args)
    if not args.question:
        print("assistant ask: give a question, or --batch FILE", file=sys.stderr)
        return EXIT_USAGE
    question = " ".join(args.question)
    answer = _assistant(args).ask(question)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        _print_human(answer)
    if answer.error:
        print(f"assistant ask: {answer.error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _ask_batch(args) -> int:
    from assistant.contract import Answer

    path = Path(args.batch)
    try:
        lines = path.read_text(encoding="utf-8").splitlines() if str(path) != "-" else sys.stdin.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        print(f"assistant ask: cannot read {path}: {e}", file=sys.stderr)
        return EXIT_USAGE
    assistant = _assistant(args)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                raise ValueError('each line needs {"id": ..., "question": "..."}')
            answer = assistant.ask(item["question"], item.get("history"), id=item.get("id"))
        except (json.JSONDecodeError, ValueError) as e:
            answer = Answer.failure("", f"line {number}: {e}", id=None)
        out = answer.to_dict() if args.json else None
        if args.json:
            print(json.dumps(out, ensure_ascii=False), flush=True)
        else:
            _print_human(answer)
            print("\n" + "-" * 60)
    return EXIT_OK


def _change_index(command: str, change):
    """Run an index change; (report, None), or (None, exit code) after one line on stderr
    (another ingest is running: 3; a bad file or name: 2)."""
    from assistant.index.generations import IngestBusy
    from assistant.ingest.documents import DocumentError

    try:
        return change(), None
    except IngestBusy as e:
        print(f"assistant {command}: {e}", file=sys.stderr)
        return None, EXIT_BUSY
    except DocumentError as e:
        print(f"assistant {command}: {e}", file=sys.stderr)
        return None, EXIT_USAGE


def cmd_ingest(args) -> int:
    from assistant.index.build import ingest

    settings = _settings(args)
    report, code = _change_index("ingest", lambda: ingest(
        [Path(p) for p in args.paths] or None, settings, progress=True, rebuild=args.rebuild,
        replace=args.replace))
    if report is None:
        return code
    print(report.summary(), file=sys.stderr)
    return EXIT_USAGE if report.failed and not (report.added or report.updated or report.unchanged) else EXIT_OK


def cmd_reports(args) -> int:
    """The indexed reports: what ingest inferred about each, and how much of it is quotable."""
    from assistant.index.build import read_manifest

    documents = read_manifest(_settings(args).index_dir).get("documents", {})
    if not documents:
        print("no reports indexed: run `assistant ingest`", file=sys.stderr)
        return EXIT_OK
    rows = [("file", "title", "date", "chunks", "quotable")]
    for name, d in sorted(documents.items(), key=lambda kv: str(kv[1].get("date", ""))):
        share = f"{d['quotable']:.0%}" if "quotable" in d else "?"
        rows.append((name, d.get("title", ""), str(d.get("date", "")), str(d.get("chunks", 0)), share))
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    for r in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    print("\ncorrect a title or date with an entry in corpus/manifest.yaml, then `assistant ingest`",
          file=sys.stderr)
    return EXIT_OK


def cmd_remove(args) -> int:
    from assistant.index.build import remove

    report, code = _change_index("remove", lambda: remove(args.name, _settings(args)))
    if report is None:
        return code
    print(f"removed {args.name} (kept in corpus/.versions/)\n{report.summary()}", file=sys.stderr)
    return EXIT_OK


def cmd_chat(args) -> int:
    from assistant.web.app import serve

    overrides = {"anonymous": True} if args.anonymous else {}
    settings = Settings.from_env(**overrides, port=args.port)
    if not settings.anonymous:
        _first_admin(settings)
    serve(settings)
    return EXIT_OK


def _first_admin(settings: Settings) -> None:
    """A fresh install has no users: create `admin` with a one-off password shown once."""
    import secrets

    from assistant.web.auth import add_user, load_users

    if load_users(settings).entries:
        return
    password = secrets.token_urlsafe(12)
    add_user(settings.auth_file, "admin", password, "admin")
    print(f"Created the first user: admin / {password}\n(shown once; change it with "
          "`assistant users add admin --admin`)", file=sys.stderr)


def cmd_train(args) -> int:
    if args.encoder:
        from assistant.answer.passages import ENCODER, finetune, read_pairs

        print(f"fine-tuned encoder written to {finetune(read_pairs(), ENCODER)}")
        return 0
    from assistant.evaluate.train import main as train_main

    return train_main(args)


def cmd_eval(args) -> int:
    from assistant.evaluate.report import main as eval_main

    return eval_main(args)


def cmd_brief(args) -> int:
    from assistant.brief.build import brief_command

    path = brief_command(args.topics, args.all, args.format, Path(args.output), _settings(args))
    print(f"briefing written to {path}", file=sys.stderr)
    return EXIT_OK


def cmd_users(args) -> int:
    import getpass

    from assistant.web.auth import add_user

    password = os.environ.get("ASSISTANT_NEW_PASSWORD") or getpass.getpass(f"password for {args.name}: ")
    add_user(_settings(args).auth_file, args.name, password, "admin" if args.admin else "officer")
    print(f"user {args.name} saved to {_settings(args).auth_file}", file=sys.stderr)
    return EXIT_OK


def cmd_feedback(args) -> int:
    from assistant.web.feedback import export_drafts

    settings = _settings(args)
    n = export_drafts(settings.data_dir / "assistant.db", Path(args.output))
    print(f"{n} draft eval questions written to {args.output}", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer a question with cited sources")
    ask.add_argument("question", nargs="*")
    ask.add_argument("--json", action="store_true", help="print the answer object as JSON")
    ask.add_argument("--batch", metavar="FILE", help='JSON Lines of {"id","question"}; - for stdin')
    ask.add_argument("--backend", help="answerer backend (default: extractive)")
    ask.add_argument("--quiet", action="store_true", help="no progress bar")
    ask.set_defaults(func=cmd_ask)

    ing = sub.add_parser("ingest", help="add/refresh report files or folders (default: corpus/)")
    ing.add_argument("paths", nargs="*")
    ing.add_argument("--rebuild", action="store_true", help="drop the index and build it anew")
    ing.add_argument("--replace", action="store_true",
                     help="replace a corpus report of the same name (the old one is kept)")
    ing.set_defaults(func=cmd_ingest)

    rep = sub.add_parser("reports", help="list the indexed reports (title, date, chunks, quotable)")
    rep.set_defaults(func=cmd_reports)

    rm = sub.add_parser("remove", help="take a report out of the corpus and index (kept as a version)")
    rm.add_argument("name", help="the report's file name, as `assistant reports` lists it")
    rm.set_defaults(func=cmd_remove)

    chat = sub.add_parser("chat", help="run the web chat")
    chat.add_argument("--anonymous", action="store_true", help="no sign-in (local use only)")
    chat.add_argument("--port", type=int, default=None)
    chat.set_defaults(func=cmd_chat)

    ev = sub.add_parser("eval", help="run the eval set and write a report")
    ev.add_argument("--questions", default=None, help="JSONL question set (default: evals/questions.jsonl)")
    ev.add_argument("--backend", help="answerer backend to evaluate")
    ev.add_argument("--llm", action="store_true", help="evaluate the llama-cpp backend")
    ev.add_argument("--no-baseline", action="store_true", help="skip the naive LangChain baseline")
    ev.add_argument("--out", default=None, help="output folder (default: evals/runs/latest)")
    ev.add_argument("--save", action="store_true", help="save this run as the committed last run")
    ev.add_argument("--new-documents", nargs="?", const=str(ROOT / "evals" / "new_documents"), default=None,
                    metavar="FOLDER", help="also score a folder of unseen reports (its reports/ as PDF and "
                    "DOCX) and its questions.jsonl (default folder: evals/new_documents)")
    ev.set_defaults(func=cmd_eval)

    tr = sub.add_parser("train", help="fit the answer models from the labelled questions in evals/")
    tr.add_argument("--encoder", action="store_true",
                    help="only fine-tune the question-to-passage encoder from its committed pairs (~3 min)")
    tr.add_argument("--rows", type=Path, metavar="FILE",
                    help="also write each question's drafted signals and outcome as JSON Lines, to study the "
                    "decision without redrafting")
    tr.set_defaults(func=cmd_train)

    br = sub.add_parser("brief", help="write a cited briefing pack")
    br.add_argument("topics", nargs="*")
    br.add_argument("--all", action="store_true")
    br.add_argument("--format", choices=["md", "docx", "pdf"], default="md")
    br.add_argument("-o", "--output", required=True)
    br.set_defaults(func=cmd_brief)

    users = sub.add_parser("users", help="manage web chat users")
    users_sub = users.add_subparsers(dest="action", required=True)
    add = users_sub.add_parser("add", help="add or update a user (password from prompt or ASSISTANT_NEW_PASSWORD)")
    add.add_argument("name")
    add.add_argument("--admin", action="store_true")
    add.set_defaults(func=cmd_users)

    fb = sub.add_parser("feedback", help="feedback tools")
    fb_sub = fb.add_subparsers(dest="action", required=True)
    exp = fb_sub.add_parser("export", help="thumbs-down answers -> draft eval questions (JSONL)")
    exp.add_argument("-o", "--output", default="evals/feedback_drafts.jsonl")
    exp.set_defaults(func=cmd_feedback)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except (ValueError, RuntimeError, OSError) as e:
        print(f"assistant {args.command}: {e}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
