"""The points half of generate.py: a GB/T 27922-shaped catalog of N clauses and its assessment."""
import os
import random


def write(n, out):
    rng = random.Random(n)
    domains = 8
    lines = [
        "schema: 1", "id: synthetic-points", 'version: "1"', "scoring: points",
        "title: {zh: 合成积分准则, en: Synthetic points catalog}",
        "profiles:",
        "  - {id: production, name: {zh: 生产型, en: Manufacturer}, excludes: []}",
    ]
    excluded = [f"C{c:05d}" for c in range(0, n, 20)]
    lines.append("  - id: sales-service\n    name: {zh: 销售服务型, en: Sales and service}\n    excludes:")
    lines += [f"      - {cid}" for cid in excluded]
    lines += [
        "ratings:",
        "  - {id: compliant, name: {zh: 达标, en: Compliant}, overall_min: 70}",
        "  - {id: three-star, name: {zh: 三星, en: Three stars}, overall_min: 80, held_days_min: 365}",
        "  - {id: four-star, name: {zh: 四星, en: Four stars}, overall_min: 90, held_days_min: 365}",
        "  - {id: five-star, name: {zh: 五星, en: Five stars}, overall_min: 95, held_days_min: 365}",
        "adjustments: {deduction_points: 1, bonus_points: 1, bonus_max: 1}",
        "evidence_kinds:",
        "  - {id: document, name: {zh: 文件, en: document}, max_age_days: null}",
        "  - {id: record, name: {zh: 记录, en: record}, max_age_days: 365}",
        "domains: [" + ", ".join(f"d{d}.yaml" for d in range(domains)) + "]",
    ]
    criteria = []
    folder = os.path.join(out, "catalog")
    os.makedirs(folder, exist_ok=True)
    for d in range(domains):
        dl = [f"id: d{d}", f"name: {{zh: 领域{d}, en: Domain {d}}}", "criteria:"]
        for c in range(d, n, domains):
            cid = f"C{c:05d}"
            check = "sample" if c % 3 == 0 else ("graded" if c % 6 == 1 else "all")
            points = rng.randint(2, 10)
            criteria.append((cid, check, points))
            dl += [
                f"  - id: {cid}",
                f"    name: {{zh: 条款{c}, en: Clause {c}}}",
                f"    points: {points}",
                f"    check: {check}",
                "    owner: {zh: 服务经理, en: Service manager}",
                "    requirement:",
                f"      zh: 条款{c}的要求：制度、记录与现场做法一致",
                f"      en: what clause {c} requires, rules, records and practice agreeing",
                "    description:",
                "      zh: " + "；".join(f"第{k}项核查的可见证据与覆盖范围 {c}" for k in range(1, 5)),
                "      en: " + "; ".join(f"what an evaluator sees for check {k} of {c}" for k in range(1, 5)),
            ]
            if c % 5 == 0:
                dl.append("    metric: {kpi: first_response_minutes_p90, better: lower, threshold: 30}")
            dl.append(f"    sources: [\"synthetic {c}\"]")
        open(os.path.join(folder, f"d{d}.yaml"), "w").write("\n".join(dl) + "\n")
    open(os.path.join(folder, "catalog.yaml"), "w").write("\n".join(lines) + "\n")

    a = [
        "schema: 1", "catalog: synthetic-points", "organisation: {name: 合成公司, site: 上海}", "kind: self",
        "date: 2026-11-01", "assessor: 基准", "profile: sales-service", "evidence:",
    ]
    evidence = max(10, n // 5)
    for e in range(evidence):
        kind = "document" if e % 2 else "record"
        a.append(f"  - {{id: E{e}, kind: {kind}, title: 证据{e}, date: 2026-{1 + e % 10:02d}-15}}")
    a += ["metrics: {first_response_minutes_p90: 25}", "criteria:"]
    skip = set(excluded)
    for i, (cid, check, points) in enumerate(criteria):
        if cid in skip:
            continue
        cited = ", ".join(f"E{(i * 7 + j) % evidence}" for j in range(10))
        if check == "sample":
            size = rng.randint(10, 50)
            given = f"sample: {{size: {size}, conforming: {rng.randint(size // 2, size)}}}"
        elif check == "graded":
            given = f"earned: {rng.randint(0, points)}"
        else:
            given = f"earned: {0 if rng.random() < 0.1 else points}"
        a.append(f"  {cid}: {{{given}, evidence: [{cited}]}}")
    a.append("adjustments:")
    a += [f"  - {{kind: deduction, text: 扣分 {k}}}" for k in range(3)]
    a.append("  - {kind: bonus, text: 创新}")
    open(os.path.join(out, "assessment.yaml"), "w").write("\n".join(a) + "\n")
    print(f"{out}: {n} clauses, {evidence} evidence items")
