#!/usr/bin/env python3
"""Strict checks of `maturity plan --format ics` output, then a parse with the icalendar package.

usage: validate.py FILE.ics [...]; exits 1 with the first problem of each file."""
import sys
from datetime import date

from icalendar import Calendar


def check(path):
    raw = open(path, "rb").read()
    problems = []
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("a line ends with LF alone (RFC 5545 §3.1 wants CRLF)")
    if not raw.endswith(b"\r\n"):
        problems.append("the last line has no CRLF")
    for number, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            problems.append(f"line {number} has {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number} splits a UTF-8 sequence")
    calendar = Calendar.from_ical(raw.decode("utf-8"))
    if str(calendar.get("VERSION")) != "2.0" or not calendar.get("PRODID"):
        problems.append("VERSION:2.0 and PRODID are required")
    uids = set()
    todos = list(calendar.walk("VTODO"))
    for todo in todos:
        uid = str(todo.get("UID", ""))
        if not uid or uid in uids:
            problems.append(f"missing or repeated UID {uid!r}")
        uids.add(uid)
        for required in ("DTSTAMP", "SUMMARY", "DUE", "STATUS"):
            if required not in todo:
                problems.append(f"{uid}: no {required}")
        due = todo.get("DUE")
        if due is not None and type(due.dt) is not date:
            problems.append(f"{uid}: DUE is not a date")
        if str(todo.get("STATUS")) not in ("NEEDS-ACTION", "IN-PROCESS", "COMPLETED", "CANCELLED"):
            problems.append(f"{uid}: STATUS {todo.get('STATUS')} is not a VTODO status")
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    print(f"{path}: {len(todos)} VTODOs, {'invalid' if problems else 'valid'}")
    return not problems


if __name__ == "__main__":
    sys.exit(0 if all([check(p) for p in sys.argv[1:]]) else 1)
