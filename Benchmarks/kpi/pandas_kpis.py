#!/usr/bin/env python3
"""The KPIs of `maturity kpi` (SPEC §8) computed with pandas, for timing and cross-checking.

usage: pandas_kpis.py TICKETS.csv TIME_ZONE   (simple format; prints the KPIs as JSON)
"""
import json
import math
import sys

import numpy as np
import pandas as pd

path, zone = sys.argv[1], sys.argv[2]
fmt = "%Y-%m-%dT%H:%M:%S%z"
df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def when(column):
    s = df[column].str.strip()
    return pd.to_datetime(s.where(s != ""), format=fmt, utc=True)


def flag(column):
    c = df[column].str.strip().str.lower()
    out = pd.Series(pd.NA, index=c.index, dtype="boolean")
    out[c.isin(["true", "yes", "y", "1", "t"])] = True
    out[c.isin(["false", "no", "n", "0", "f"])] = False
    return out


created = when("created_at")
first = when("first_response_at")
resolved_at = when("resolved_at")
priority = df["priority"].str.strip()
urgent = priority.str.lower().isin(["urgent", "紧急"])
fcr, complaint, reopened, callback = flag("fcr"), flag("complaint"), flag("reopened"), flag("callback")
csat = pd.to_numeric(df["csat"].where(df["csat"].str.strip() != ""), errors="raise").dropna()
n = len(df)

resp = np.sort(((first - created).dropna().dt.total_seconds() * 1000).to_numpy())


def rank(p):
    return resp[math.ceil(p * len(resp)) - 1] / 60000


resolved = resolved_at.notna()
timed = resolved & created.notna()
elapsed = (resolved_at - created)[timed & (priority != "")].dt.total_seconds() * 1000
deadline = np.where(urgent[timed & (priority != "")], 4 * 3_600_000, 48 * 3_600_000)
start = (created[timed].dt.tz_convert(zone).dt.tz_localize(None).dt.normalize() + pd.Timedelta(days=1))
end = (resolved_at[timed].dt.tz_convert(zone).dt.tz_localize(None).dt.normalize() + pd.Timedelta(days=1))
days = np.busday_count(start.to_numpy().astype("datetime64[D]"), end.to_numpy().astype("datetime64[D]"))
days = np.maximum(days, 0)


def rate(series):
    s = series.dropna()
    return 100 * float(s.sum()) / len(s) if len(s) else None


kpis = {
    "tickets": n,
    "first_response_minutes_p50": rank(0.5),
    "first_response_minutes_p90": rank(0.9),
    "response_within_10min_rate": 100 * float((resp <= 600_000).sum()) / len(resp),
    "completion_within_sla_rate": 100 * float((elapsed.to_numpy() <= deadline).sum()) / len(elapsed),
    "resolution_within_5_workdays_rate": 100 * float((days <= 5).sum()) / len(days),
    "fcr_rate": rate(fcr),
    "csat_mean": float(csat.mean()),
    "satisfaction_rate": 100 * float((csat >= 4).sum()) / len(csat),
    "complaint_rate": rate(complaint),
    "reopen_rate": rate(reopened[resolved]),
    "callback_rate": rate(callback[resolved]),
    "unresolved": int(n - resolved.sum()),
}
print(json.dumps({k: round(float(v), 2) for k, v in kpis.items()}, sort_keys=True))
