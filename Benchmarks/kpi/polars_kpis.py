#!/usr/bin/env python3
"""The KPIs of `maturity kpi` (SPEC §8) computed with polars, for timing and cross-checking.

usage: polars_kpis.py TICKETS.csv TIME_ZONE   (simple format; prints the KPIs as JSON)
"""
import json
import math
import sys

import polars as pl

path, zone = sys.argv[1], sys.argv[2]
fmt = "%Y-%m-%dT%H:%M:%S%:z"
columns = ["created_at", "first_response_at", "resolved_at", "priority", "fcr", "csat", "complaint", "reopened", "callback"]
df = pl.read_csv(path, infer_schema=False, columns=columns)


def when(column):
    return pl.col(column).str.strip_chars().str.to_datetime(fmt, time_zone="UTC", strict=True)


def flag(column):
    c = pl.col(column).str.strip_chars().str.to_lowercase()
    return pl.when(c.is_in(["true", "yes", "y", "1", "t"])).then(True).when(
        c.is_in(["false", "no", "n", "0", "f"])).then(False).otherwise(None)


t = df.select(
    created=when("created_at"),
    first=when("first_response_at"),
    resolved=when("resolved_at"),
    urgent=pl.col("priority").str.strip_chars().str.to_lowercase().is_in(["urgent", "紧急"]),
    has_priority=pl.col("priority").is_not_null(),
    fcr=flag("fcr"),
    csat=pl.col("csat").cast(pl.Float64),
    complaint=flag("complaint"),
    reopened=flag("reopened"),
    callback=flag("callback"),
)
n = t.height
resp = t.select((pl.col("first") - pl.col("created")).dt.total_milliseconds().alias("r")).drop_nulls()["r"].sort()


def rank(p):
    return resp[math.ceil(p * len(resp)) - 1] / 60000 if len(resp) else None


resolved = t.filter(pl.col("resolved").is_not_null())
timed = resolved.filter(pl.col("created").is_not_null())
sla = timed.filter(pl.col("has_priority")).select(
    ok=(pl.col("resolved") - pl.col("created")).dt.total_milliseconds()
    <= pl.when(pl.col("urgent")).then(4 * 3_600_000).otherwise(48 * 3_600_000))["ok"]
days = timed.select(
    d=pl.business_day_count(
        pl.col("created").dt.convert_time_zone(zone).dt.date() + pl.duration(days=1),
        pl.col("resolved").dt.convert_time_zone(zone).dt.date() + pl.duration(days=1)))["d"]


def rate(series):
    s = series.drop_nulls()
    return 100 * s.sum() / len(s) if len(s) else None


csat = t["csat"].drop_nulls()
kpis = {
    "tickets": n,
    "first_response_minutes_p50": rank(0.5),
    "first_response_minutes_p90": rank(0.9),
    "response_within_10min_rate": 100 * (resp <= 600_000).sum() / len(resp),
    "completion_within_sla_rate": rate(sla),
    "resolution_within_5_workdays_rate": rate(days <= 5),
    "fcr_rate": rate(t["fcr"]),
    "csat_mean": csat.mean(),
    "satisfaction_rate": 100 * (csat >= 4).sum() / len(csat),
    "complaint_rate": rate(t["complaint"]),
    "reopen_rate": rate(resolved["reopened"]),
    "callback_rate": rate(resolved["callback"]),
    "unresolved": n - resolved.height,
}
print(json.dumps({k: round(v, 2) for k, v in kpis.items()}, sort_keys=True))
