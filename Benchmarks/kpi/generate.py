#!/usr/bin/env python3
"""Writes a realistic helpdesk export in the simple format of `maturity kpi`.

usage: generate.py ROWS OUT.csv [SEED]

One row per ticket over twelve months (Oct 2025 – Sep 2026), ISO 8601 times with the +08:00
offset, CRLF line ends and a UTF-8 BOM as Excel writes them. About a quarter of the fields are
quoted: free text with commas and doubled quotes (a few notes run over two lines), and rows where
the helpdesk quoted every text field. Values are missing where real exports miss them: no first
response yet, unresolved, no rating, flags not filled in. Prints the share of quoted and empty
fields to standard error.
"""
import random
import sys
from datetime import date, timedelta

rows = int(sys.argv[1])
out = sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261101)

start = 1_759_248_000  # 2025-10-01T00:00:00+08:00 as seconds since 1970
span = 365 * 86400
# Day strings by day index from `start` (local +08:00), for speed.
days = [(date(2025, 10, 1) + timedelta(days=d)).isoformat() for d in range(400)]


def iso(seconds):
    local = seconds - start
    d, rest = divmod(local, 86400)
    h, rest = divmod(rest, 3600)
    m, s = divmod(rest, 60)
    return f"{days[d]}T{h:02d}:{m:02d}:{s:02d}+08:00"


def q(text):
    return '"' + text.replace('"', '""') + '"'


channels = ["phone", "web", "wechat", "email", "app"]
products = ["空调 KFR-35", "热水器 JSQ-20", "洗衣机 XQB-80", "冰箱 BCD-450", "净水器 RO-600"]
notes = [
    "Noisy outdoor unit, rattling at night",
    "不制冷, 室外机不启动",
    "E4 error; heater stops",
    'Says "loud click" at start',
    "漏水，需上门检查",
    "Install request",
    "Remote lost",
    "滤芯更换, 提醒",
]
flag_values = ["true", "false"]

header = "id,created_at,first_response_at,resolved_at,priority,fcr,csat,complaint,reopened,callback,channel,product,note"
fields = quoted = empty = 0
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("\ufeff" + header + "\r\n")
    batch = []
    for n in range(rows):
        created = start + rng.randrange(span)
        urgent = rng.random() < 0.12
        response = "" if rng.random() < 0.03 else iso(created + 20 + int(rng.lognormvariate(5.2, 0.9)))
        if rng.random() < 0.04:
            resolved = ""
        else:
            hours = rng.lognormvariate(0.7 if urgent else 2.3, 0.9)
            resolved = iso(created + 600 + int(hours * 3600))
        r = rng.random()
        fcr = "" if r < 0.05 else ("true" if r < 0.77 else "false")
        csat = "" if rng.random() < 0.4 else rng.choice("5555544432")
        complaint = "" if rng.random() < 0.02 else ("true" if rng.random() < 0.02 else "false")
        reopened = "" if not resolved else ("true" if rng.random() < 0.02 else "false")
        callback = "" if not resolved else ("true" if rng.random() < 0.9 else "false")
        note = rng.choice(notes)
        if rng.random() < 0.002:
            note += "\r\n回访：已修复"
        row = [
            f"HD{n + 1:08d}", iso(created), response, resolved, "urgent" if urgent else "normal", fcr, csat,
            complaint, reopened, callback, rng.choice(channels), rng.choice(products), q(note),
        ]
        if rng.random() < 0.55:  # the helpdesk quoted every text field of this row
            for i in (1, 4, 10, 11):
                row[i] = q(row[i])
        fields += len(row)
        quoted += sum(1 for v in row if v.startswith('"'))
        empty += sum(1 for v in row if v == "")
        batch.append(",".join(row))
        if len(batch) == 20000:
            f.write("\r\n".join(batch) + "\r\n")
            batch = []
    if batch:
        f.write("\r\n".join(batch) + "\r\n")
print(f"{rows} rows: {100 * quoted / fields:.1f} % of fields quoted, {100 * empty / fields:.1f} % empty",
      file=sys.stderr)
