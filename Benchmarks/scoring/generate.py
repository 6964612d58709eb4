#!/usr/bin/env python3
"""Writes a synthetic catalog with N criteria and a matching assessment, for timing `maturity assess`.

usage: generate.py N OUT_DIR [levels|points]
The catalog is a folder like the shipped one (OUT_DIR/catalog/catalog.yaml plus one file per
domain, 8 domains). Every criterion has bilingual level descriptors, a fifth of them a metric, a
tenth are key; the assessment claims levels with an evidence register of realistic size (one item
per 5 criteria, each criterion citing 10).

With `points`, the catalog scores clause points instead (the GB/T 27922 shape): the same criteria,
domains, metrics and evidence, each clause with points, a check (a third checked by sample, a
sixth graded), a bilingual requirement and description (the catalog within 5 % of the levels
one's size), two profiles (one leaving out every twentieth clause), star ratings with
held_days_min, adjustments; the assessment gives earned points or samples and a few deductions.
"""
import os
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2]
scoring = sys.argv[3] if len(sys.argv) > 3 else "levels"
if scoring not in ("levels", "points"):
    sys.exit("scoring must be levels or points")
os.makedirs(out, exist_ok=True)
if scoring == "points":
    import generate_points
    generate_points.write(n, out)
    sys.exit(0)
rng = random.Random(n)
domains = 8
kinds = [["statement"], ["document", "record"], ["deployment", "training"], ["kpi_series", "management_review"], ["benchmark", "improvement_outcome"]]

lines = [
    "schema: 1", "id: synthetic", 'version: "1"', "title: {zh: 合成准则, en: Synthetic catalog}", "levels:",
    "  - {level: 0, name: {zh: 缺失, en: Absent}}",
]
for i, k in enumerate(kinds, 1):
    lines.append(f"  - {{level: {i}, name: {{zh: 等级{i}, en: Level {i}}}, evidence: [{', '.join(k)}]}}")
lines += [
    "ratings:",
    "  - {id: pass, name: {zh: 合格, en: Pass}, overall_min: 70, domain_min: 60, key_level_min: 2, max_open: {major: 0}}",
    "  - {id: excellent, name: {zh: 优秀, en: Excellent}, overall_min: 90, domain_min: 80, key_level_min: 4, max_open: {major: 0, minor: 0}}",
    "domains: [" + ", ".join(f"d{d}.yaml" for d in range(domains)) + "]",
]
criteria = []
folder = os.path.join(out, "catalog")
os.makedirs(folder, exist_ok=True)
for d in range(domains):
    dl = [f"id: d{d}", f"name: {{zh: 领域{d}, en: Domain {d}}}", f"weight: {rng.randint(10, 30)}", "criteria:"]
    for c in range(d, n, domains):
        cid = f"C{c:05d}"
        criteria.append(cid)
        dl += [
            f"  - id: {cid}",
            f"    name: {{zh: 评价项{c}, en: Criterion {c}}}",
            f"    weight: {rng.randint(1, 5)}",
            f"    key: {'true' if c % 10 == 0 else 'false'}",
            "    owner: {zh: 服务经理, en: Service manager}",
            "    levels:",
        ]
        for level in range(1, 6):
            dl.append(f"      {level}: {{zh: 第{level}级的可见证据与覆盖范围 {c}, en: What an auditor sees at level {level} for {c}}}")
        if c % 5 == 0:
            dl.append("    metric: {kpi: first_response_minutes_p90, better: lower, thresholds: {1: 240, 2: 60, 3: 30, 4: 10, 5: 5}}")
        dl.append(f"    sources: [\"synthetic {c}\"]")
    open(os.path.join(folder, f"d{d}.yaml"), "w").write("\n".join(dl) + "\n")
open(os.path.join(folder, "catalog.yaml"), "w").write("\n".join(lines) + "\n")

a = ["schema: 1", "catalog: synthetic", "organisation: {name: 合成公司, site: 上海}", "kind: self", "date: 2026-11-01", "assessor: 基准", "evidence:"]
evidence = max(10, n // 5)
for e in range(evidence):
    kind = kinds[e % 5][e % 2 if len(kinds[e % 5]) > 1 else 0]
    a.append(f"  - {{id: E{e}, kind: {kind}, title: 证据{e}, date: 2026-{1 + e % 10:02d}-15}}")
a += ["metrics: {first_response_minutes_p90: 25}", "criteria:"]
for i, cid in enumerate(criteria):
    cited = ", ".join(f"E{(i * 7 + j) % evidence}" for j in range(10))
    a.append(f"  {cid}: {{claimed: {rng.randint(1, 5)}, evidence: [{cited}]}}")
open(os.path.join(out, "assessment.yaml"), "w").write("\n".join(a) + "\n")
print(f"{out}: {n} criteria, {evidence} evidence items")
