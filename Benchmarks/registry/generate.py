#!/usr/bin/env python3
"""Data for Benchmarks/registry/run.sh.

  generate.py register sqlite PATH N      N certificates (and 6 N audit results, N decisions) into the migrated
  generate.py register postgres URL N     register of a SQLite file or a PostgreSQL database (psql \\copy)
  generate.py results DIR N KEY.json      N sealed audit results, each beside its assessment file, signed by the
                                          auditor key KEY.json (passphrase in MATURITY_PASSPHRASE)

The register rows follow the rules of Sources/MaturityCore/Register: surveillance 6 months after the last audit,
recertification in the last 6 months before expiry, 90 % valid, 7 % suspended, 3 % withdrawn; dates as of
2026-12-01. The results are rendered and sealed exactly as maturity writes them (sorted keys, two-space indent;
the sign-off manifest and Ed25519 signature message of Sources/MaturityCore), so `registry import` verifies
each one: its seal, its assessment file's SHA-256, its signature against the register's keys.
"""
import calendar
import csv
import datetime
import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import uuid

AS_OF = datetime.date(2026, 12, 1)


def add_months(day, months):
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def render(value, indent=0):
    """JSONValue.rendered() of maturity, without the final newline."""
    pad = "  " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = sorted(value.items(), key=lambda kv: kv[0].encode())
        inner = (",\n").join(pad + render_string(k) + ": " + render(v, indent + 1) for k, v in items)
        return "{\n" + inner + "\n" + "  " * indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + (",\n").join(pad + render(v, indent + 1) for v in value) + "\n" + "  " * indent + "]"
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return render_string(value)


def render_string(text):
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04x" % ord(ch))
        elif ch in "\u2028\u2029":
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def organisation_name(i):
    cities = ["常州", "苏州", "无锡", "南京", "杭州", "宁波", "上海", "合肥", "济南", "青岛", "佛山", "广州"]
    kinds = ["暖通设备", "家电服务", "智能装备", "小家电", "电梯工程", "汽车服务", "医疗设备", "安防科技"]
    return f"{cities[i % len(cities)]}{kinds[(i // 12) % len(kinds)]}有限公司{i:06d}"


def register_rows(n, seed=7):
    rng = random.Random(seed)
    for i in range(n):
        org = str(uuid.UUID(int=rng.getrandbits(128)))
        name = organisation_name(i)
        issued = AS_OF - datetime.timedelta(days=rng.randrange(1, 3 * 365 - 30))
        expires = add_months(issued, 36)
        # The last audit: within the last 7 months (some surveillances are late), not before the issue.
        last = max(issued - datetime.timedelta(days=20), AS_OF - datetime.timedelta(days=rng.randrange(0, 215)))
        roll = rng.random()
        state = "valid" if roll < 0.90 else ("suspended" if roll < 0.97 else "withdrawn")
        suspended = last + datetime.timedelta(days=8) if state == "suspended" else None
        if state == "withdrawn":
            due = None
        else:
            candidates = [expires]
            surveillance = add_months(last, 6)
            if state == "valid" and surveillance < add_months(expires, -6):
                candidates.append(surveillance)
            if suspended:
                candidates.append(add_months(suspended, 6))
            due = min(candidates)
        number = f"MSC-{issued.year}-{i + 1:06d}"
        yield i, org, name, issued, expires, last, state, suspended, due, number, rng


def register_tables(n):
    now = "2026-12-01T00:00:00.000Z"
    tables = {k: [] for k in ["organisations", "organisation_grams", "certificates", "certificate_changes",
                              "audit_results", "decisions"]}
    scope = json.dumps({"sites": ["总部"], "product_categories": ["空调"], "profile": None}, ensure_ascii=False)
    names = json.dumps({"zh": "合格", "en": "Pass"}, ensure_ascii=False)
    for i, org, name, issued, expires, last, state, suspended, due, number, rng in register_rows(n):
        tables["organisations"].append([org, name, name.lower(), now, now, 1])
        tables["organisation_grams"].extend([gram, name.lower(), org] for gram in grams(name.lower()))
        code = sha256(number.encode())[:10].upper()
        tables["certificates"].append([
            number, org, name, scope, "after-sales-maturity", "2026.2", "pass", names, issued.isoformat(),
            expires.isoformat(), state, suspended.isoformat() if suspended else None, last.isoformat(),
            due.isoformat() if due else None, code, 1])
        tables["certificate_changes"].append(
            [number, 0, issued.isoformat(), None, "valid", "grant", "recommendation: grant", "孙立"])
        digest = sha256(f"decision {number}".encode())
        tables["decisions"].append([
            digest, number, org, name, "grant", "grant", "grant", issued.isoformat(), "孙立", None, None, None,
            "pass", None, now])
        # Six audits: the initial one, then surveillance every six months, the last one at `last`.
        for k in range(6):
            date = add_months(last, -6 * (5 - k))
            kind = "audit" if k == 0 else "surveillance"
            rid = sha256(f"result {number} {k}".encode())
            tables["audit_results"].append([
                rid, org, name, "总部", kind, date.isoformat(), "after-sales-maturity", "2026.2", None, "pass",
                80 + rng.random() * 15, None if k == 0 else "maintain", "郑雅琴", "[]", "[]", f"{number}-{k}.json",
                rid, now])
    return tables


def grams(key):
    """The name index's pieces of a name (as the store writes them): each character and each pair, once."""
    pieces = [c for c in key] + [key[i:i + 2] for i in range(len(key) - 1)]
    return list(dict.fromkeys(pieces))


COLUMNS = {
    "organisations": "id, name, search_name, created_at, updated_at, version",
    "organisation_grams": "gram, search_name, organisation_id",
    "certificates": "number, organisation_id, organisation_name, scope, catalog_id, catalog_version, rating, "
    "rating_name, issued, expires, state, suspended_since, last_audit, next_due, verification_code, version",
    "certificate_changes": "certificate, position, date, from_state, to_state, decision, reason, by_name",
    "audit_results": "id, organisation_id, organisation_name, site, kind, date, catalog_id, catalog_version, "
    "profile, rating, overall, review_decision, auditor, signed_by, findings, file_name, result_sha256, imported_at",
    "decisions": "digest, certificate, organisation_id, organisation_name, kind, requested, recommendation, date, "
    "reviewer, reason, audit_id, trigger_kind, rating, signature, recorded_at",
}
ORDER = ["organisations", "organisation_grams", "certificates", "certificate_changes", "audit_results", "decisions"]


def load_sqlite(path, n):
    tables = register_tables(n)
    db = sqlite3.connect(path)
    for table in ORDER:
        columns = COLUMNS[table]
        marks = ", ".join("?" for _ in columns.split(","))
        db.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tables[table])
    # The rows are filler, not anyone's changes: the audit trail's triggers queued one entry per row, which the
    # next writer (the import being measured) would otherwise seal first — 7 entries per certificate.
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_pending'").fetchone():
        db.execute("DELETE FROM audit_pending")
    db.commit()
    db.execute("ANALYZE")
    db.close()


def load_postgres(url, n):
    tables = register_tables(n)
    with tempfile.TemporaryDirectory() as folder:
        for table in ORDER:
            path = os.path.join(folder, table + ".csv")
            with open(path, "w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                for row in tables[table]:
                    writer.writerow(["\\N" if v is None else v for v in row])
            subprocess.run(
                ["psql", url, "-qc", f"\\copy {table} ({COLUMNS[table]}) FROM '{path}' WITH (FORMAT csv, NULL '\\N')"],
                check=True)
        # Filler, not anyone's changes: drop the audit trail's queued entries for these rows (see load_sqlite).
        # TRUNCATE, not DELETE: 700,000 deleted rows stay in the table and its index until a vacuum, and every
        # import's first statements on the queue then walked them (150 ms a commit).
        subprocess.run(["psql", url, "-qc", "DO $$ BEGIN IF to_regclass('audit_pending') IS NOT NULL THEN "
                        "TRUNCATE audit_pending; END IF; END $$;"], check=True)
        # The tables loaded, not the whole database (the benchmark's role may not analyse the catalogue); vacuumed
        # too, so that autovacuum's first pass over millions of new rows does not run during what is measured next.
        subprocess.run(["psql", url, "-qc", "VACUUM (ANALYZE) " + ", ".join(ORDER)], check=True)
        # And written out: without it the import measured next shared the disk with the checkpoint of the load (about
        # 20 s more for 10,000 results). CHECKPOINT needs pg_checkpoint (postgres.sh grants it to its role).
        if subprocess.run(["psql", url, "-qc", "CHECKPOINT"]).returncode != 0:
            print("   (no CHECKPOINT after loading: the role lacks pg_checkpoint; the import may be slower)")


def open_key(path, passphrase):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
    import base64
    key = json.load(open(path, encoding="utf-8"))
    kdf = key["kdf"]
    symmetric = Scrypt(salt=base64.b64decode(kdf["salt"]), length=32, n=kdf["rounds"], r=kdf["block_size"],
                       p=kdf["parallelism"]).derive(passphrase.encode())
    sealed = base64.b64decode(key["sealed"])
    raw = AESGCM(symmetric).decrypt(sealed[:12], sealed[12:], None)
    public = base64.b64decode(key["public_key"])
    return key["owner"], Ed25519PrivateKey.from_private_bytes(raw), sha256(public)[:16]


def write_results(folder, n, key_path):
    import base64
    owner, private, key_id = open_key(key_path, os.environ["MATURITY_PASSPHRASE"])
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(11)
    for i in range(n):
        name = organisation_name(i)
        date = (AS_OF - datetime.timedelta(days=rng.randrange(1, 200))).isoformat()
        assessment = f"a-{i:05d}.yaml"
        text = f"schema: 1\ncatalog: after-sales-maturity\norganisation: {{name: {name}, site: 总部}}\n" \
               f"kind: audit\ndate: {date}\nauditor: {owner}\n"
        with open(os.path.join(folder, assessment), "w", encoding="utf-8") as f:
            f.write(text)
        result = {
            "schema": 1, "catalog": {"id": "after-sales-maturity", "version": "2026.2"},
            "organisation": {"name": name, "site": "总部"}, "kind": "audit", "date": date, "rating": "pass",
            "overall": round(80 + rng.random() * 15, 2), "findings": [], "auditor": owner, "warnings": [],
        }
        result_digest = sha256((render(result) + "\n").encode())
        part = sha256(text.encode())
        manifest = "\n".join([
            "maturity-signoff-1", f"auditor {escape(owner)}", f"date {date}", f"result {result_digest}",
            f"assessment {part} {escape(assessment)}"]) + "\n"
        digest = sha256(manifest.encode())
        result["signoff"] = {
            "format": "maturity-signoff-1", "algorithm": "sha256", "auditor": owner, "date": date, "digest": digest,
            "result_digest": result_digest, "assessment_path": assessment, "catalog_path": "catalog",
            "files": [{"role": "assessment", "path": assessment, "sha256": part}],
        }
        message = "\n".join(["maturity-signature-1", "auditor", key_id, escape(owner), date, digest]) + "\n"
        signature = base64.b64encode(private.sign(message.encode())).decode()
        result["signatures"] = [{
            "format": "maturity-signature-1", "algorithm": "ed25519", "key_id": key_id, "signer": owner,
            "role": "auditor", "date": date, "digest": digest, "value": signature,
        }]
        with open(os.path.join(folder, f"r-{i:05d}.json"), "w", encoding="utf-8") as f:
            f.write(render(result) + "\n")


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "register":
        (load_sqlite if sys.argv[2] == "sqlite" else load_postgres)(sys.argv[3], int(sys.argv[4]))
    elif len(sys.argv) == 5 and sys.argv[1] == "results":
        write_results(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
