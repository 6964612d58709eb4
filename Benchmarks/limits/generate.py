#!/usr/bin/env python3
"""Writes the inputs of Benchmarks/limits/run.sh: documents at the size limits, in their cheapest and
their most expensive shapes, and the did-you-mean cases of issue 23.

usage: generate.py OUT_DIR YAML_MB JSON_MB
  catalog-dense.yaml   YAML_MB of the densest YAML (a flow list of one-character scalars: most nodes per byte)
  catalog-real.yaml    YAML_MB of realistic catalog YAML (criteria with bilingual descriptors)
  result-dense.json    JSON_MB of the densest JSON (a list of 0s)
  evidence/            a catalog, a 20,000-item evidence register, 2,000 undeclared citations
  unknown/             a 50,000-criterion catalog in one file and 500 unknown criterion ids
"""
import os
import sys

out, yaml_mb, json_mb = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
os.makedirs(out, exist_ok=True)
limit_yaml = int(yaml_mb * (1 << 20)) - 64
limit_json = int(json_mb * (1 << 20)) - 64

# Densest YAML: "[x,x,x,...]" is two bytes a node.
with open(os.path.join(out, "catalog-dense.yaml"), "w") as f:
    f.write("[" + "x," * ((limit_yaml - 2) // 2) + "x]\n")

head = """schema: 1
id: big
version: "1"
title: {zh: 大型准则, en: Big catalog}
levels:
  - {level: 0, name: {zh: 缺失, en: Absent}}
  - {level: 1, name: {zh: 初始, en: Initial}, evidence: [statement]}
  - {level: 2, name: {zh: 规范, en: Documented}, evidence: [document]}
ratings:
  - {id: pass, name: {zh: 合格, en: Pass}, overall_min: 60}
domains:
  - id: d
    name: {zh: 领域, en: Domain}
    weight: 1
    criteria:
"""


def criterion(i):
    return (f"      - id: C{i:06d}\n        name: {{zh: 评价项{i}, en: Criterion {i}}}\n        weight: {1 + i % 5}\n"
            f"        levels: {{1: {{zh: 第一级证据 {i}, en: What an auditor sees at level 1 for {i}}}, "
            f"2: {{zh: 第二级证据 {i}, en: What an auditor sees at level 2 for {i}}}}}\n"
            f"        sources: [\"clause {i}\"]\n")


with open(os.path.join(out, "catalog-real.yaml"), "w") as f:
    f.write(head)
    size, i = len(head.encode()), 0
    while True:
        c = criterion(i)
        if size + len(c.encode()) > limit_yaml or i >= 50000:
            break
        f.write(c)
        size += len(c.encode())
        i += 1

with open(os.path.join(out, "result-dense.json"), "w") as f:
    f.write("[" + "0," * ((limit_json - 2) // 2) + "0]\n")

# 2,000 undeclared evidence citations against 20,000 declared items.
os.makedirs(os.path.join(out, "evidence"), exist_ok=True)
small = head + "".join(criterion(i) for i in range(2))
open(os.path.join(out, "evidence", "catalog.yaml"), "w").write(small)
lines = ["schema: 1", "catalog: big", "organisation: X", "date: 2026-11-01", "evidence:"]
lines += [f"  - {{id: E{e:05d}, kind: statement, title: t, date: 2026-01-01}}" for e in range(20000)]
lines += ["criteria:", "  C000000:", "    claimed: 1", "    evidence: [" + ", ".join(f"F{e:05d}" for e in range(1000)) + "]",
          "  C000001:", "    claimed: 1", "    evidence: [" + ", ".join(f"F{e:05d}" for e in range(1000, 2000)) + "]"]
open(os.path.join(out, "evidence", "assessment.yaml"), "w").write("\n".join(lines) + "\n")

# 500 unknown ids against a 50,000-criterion catalog.
os.makedirs(os.path.join(out, "unknown"), exist_ok=True)
with open(os.path.join(out, "unknown", "catalog.yaml"), "w") as f:
    f.write(head)
    for i in range(50000):
        f.write(f"      - {{id: C{i:06d}, name: c, weight: 1, levels: {{1: a, 2: b}}, sources: [s]}}\n")
lines = ["schema: 1", "catalog: big", "organisation: X", "date: 2026-11-01", "criteria:"]
lines += [f"  X{i:06d}: {{claimed: 1}}" for i in range(500)]
open(os.path.join(out, "unknown", "assessment.yaml"), "w").write("\n".join(lines) + "\n")
print(f"{out}: catalog-real.yaml {i} criteria")
