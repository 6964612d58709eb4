#!/usr/bin/env python3
"""Loads N organisations with M assessments each into a maturity store, straight into its tables.

Usage: seed.py sqlite DATA_DIR ORGS ASSESSMENTS_PER_ORG
       seed.py postgres URL ORGS ASSESSMENTS_PER_ORG

The store must exist already (start `maturity serve` on it once, so the schema and the shipped
catalog are there). Organisation names are made of Chinese and English words so that searches hit a
realistic share of them; each assessment gets 40 criteria rows, as the shipped catalog has.
"""
import random
import subprocess
import sys
import uuid

WORDS_ZH = ["华东", "华南", "江苏", "浙江", "星河", "安迈", "美厨", "家电", "暖通", "设备", "服务", "电器", "科技", "制冷", "机电"]
WORDS_EN = ["Acme", "Delta", "Northern", "Pacific", "Service", "Appliance", "Systems", "Parts", "Care", "Repair"]
CRITERIA = [f"{d}-{i:02d}" for d in ["SP", "SS", "TS", "CS", "MS"] for i in range(1, 9)]
NOW = "2026-12-01T00:00:00.000Z"


def rows(orgs, per_org, catalog):
    rng = random.Random(42)
    for n in range(orgs):
        org = str(uuid.UUID(int=rng.getrandbits(128)))
        if n % 3 == 0:
            name = f"{rng.choice(WORDS_EN)} {rng.choice(WORDS_EN)} {n} Ltd"
        else:
            name = f"{rng.choice(WORDS_ZH)}{rng.choice(WORDS_ZH)}{rng.choice(WORDS_ZH)}有限公司{n}"
        yield "organisations", (org, name, name.lower(), NOW, NOW, 1)
        for gram in grams(name.lower()):
            yield "organisation_grams", (gram, name.lower(), org)
        yield "sites", (str(uuid.UUID(int=rng.getrandbits(128))), org, "总部", 0, 1)
        for k in range(per_org):
            aid = str(uuid.UUID(int=rng.getrandbits(128)))
            date = f"20{20 + k // 2}-{5 if k % 2 == 0 else 11:02d}-15"
            kind = "self" if k == 0 else ("audit" if k == 1 else "surveillance")
            yield "assessments", (aid, org, name, catalog, "after-sales-maturity", kind, date, None, "李伟", None,
                                  "{}", None, None, None, NOW, NOW, 1, 1)
            for position, criterion in enumerate(CRITERIA):
                yield "criterion_entries", (aid, criterion, rng.randint(1, 5), None, "[]", None, None, position, 1)


def grams(key):
    """The name index's pieces of a name (as the store writes them): each character and each pair, once."""
    pieces = [c for c in key] + [key[i:i + 2] for i in range(len(key) - 1)]
    return list(dict.fromkeys(pieces))


COLUMNS = {
    "organisations": "id, name, search_name, created_at, updated_at, version",
    "organisation_grams": "gram, search_name, organisation_id",
    "sites": "id, organisation_id, name, position, version",
    "assessments": "id, organisation_id, organisation_name, catalog, catalog_reference, kind, date, site, assessor, "
                   "auditor, owners, tickets_file, tickets_mapping, source_sha256, created_at, updated_at, version, revision",
    "criterion_entries": "assessment_id, criterion, claimed, audited, evidence, note, na, position, version",
}


def seed_sqlite(folder, orgs, per_org):
    import sqlite3
    db = sqlite3.connect(f"{folder}/maturity.sqlite")
    catalog = db.execute("SELECT id FROM catalogs WHERE catalog_id = 'after-sales-maturity' ORDER BY created_at DESC LIMIT 1").fetchone()[0]
    with db:
        for table, values in rows(orgs, per_org, catalog):
            marks = ", ".join("?" * len(values))
            db.execute(f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({marks})", values)
    # The rows are filler, not anyone's changes: the audit trail's triggers queued one entry per row, which the
    # server's first transaction would seal one by one (minutes for 60,000 assessments' criteria).
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_pending'").fetchone():
        db.execute("DELETE FROM audit_pending")
        db.commit()
    db.execute("ANALYZE")
    db.close()


def seed_postgres(url, orgs, per_org):
    catalog = subprocess.run(["psql", url, "-qAtc", "SELECT id FROM catalogs WHERE catalog_id = 'after-sales-maturity' ORDER BY created_at DESC LIMIT 1"],
                             check=True, capture_output=True, text=True).stdout.strip()
    buffers = {table: [] for table in COLUMNS}
    for table, values in rows(orgs, per_org, catalog):
        buffers[table].append("\t".join("\\N" if v is None else str(v) for v in values))
    script = []
    for table in ["organisations", "organisation_grams", "sites", "assessments", "criterion_entries"]:
        script.append(f"COPY {table} ({COLUMNS[table]}) FROM STDIN;")
        script.extend(buffers[table])
        script.append("\\.")
    # Filler, not anyone's changes: drop the audit trail's queued entries for these rows (see seed_sqlite).
    script.append("DO $$ BEGIN IF to_regclass('audit_pending') IS NOT NULL THEN TRUNCATE audit_pending; END IF; END $$;")
    # The tables loaded, not the whole database (the benchmark's role may not analyse the catalogue).
    script.append("ANALYZE organisations, organisation_grams, sites, assessments, criterion_entries;")
    subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1"], input="\n".join(script) + "\n", check=True, text=True)


if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[1] not in ("sqlite", "postgres"):
        sys.exit(__doc__)
    kind, where, orgs, per_org = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    (seed_sqlite if kind == "sqlite" else seed_postgres)(where, orgs, per_org)
    print(f"seeded {orgs} organisations, {orgs * per_org} assessments into {kind}")
