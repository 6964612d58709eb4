#!/usr/bin/env python3
"""Writes the example ticket exports (synthetic data, fixed seed): the simple format, a
ServiceNow-style incident event log, a 311-style service-request export, and the work-order
export of 杭州安迈智能装备 that Examples/anmai-equipment/assessment.yaml scores with.

usage: python3 Examples/tickets/generate.py   (from the project folder; rewrites the CSV files)
"""
import os
import random
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def q(text):
    return '"' + text.replace('"', '""') + '"'


def write(path, lines, bom=False, crlf=True):
    end = "\r\n" if crlf else "\n"
    with open(path, "w", encoding="utf-8", newline="") as f:
        if bom:
            f.write("\ufeff")
        f.write(end.join(lines) + end)


# --- the simple format -------------------------------------------------------------------------
def simple():
    rng = random.Random(7)
    lines = ["id,created_at,first_response_at,resolved_at,priority,fcr,csat,complaint,reopened,callback,channel,"
             "description"]
    start = datetime(2026, 9, 1, 8, 0)
    notes = ["Outdoor unit noisy, rattles at night", "E4 error, water heater stops", 'Says "loud click" at start',
             "不制冷, 室外机不启动", "Install request, new flat", "漏水，需上门检查", "Remote lost", "滤芯更换提醒"]
    for n in range(1, 41):
        created = start + timedelta(minutes=rng.randrange(0, 29 * 24 * 60))
        urgent = rng.random() < 0.15
        response = "" if rng.random() < 0.05 else (created + timedelta(seconds=rng.randrange(40, 1500)))
        if rng.random() < 0.08:
            resolved = ""
        else:
            resolved = created + timedelta(hours=rng.uniform(0.5, 4.5) if urgent else rng.uniform(2, 80))
        fmt = "%Y-%m-%dT%H:%M:%S+08:00"
        lines.append(",".join([
            f"T{n:04d}", created.strftime(fmt), response and response.strftime(fmt),
            resolved and resolved.strftime(fmt), "urgent" if urgent else "normal",
            rng.choice(["true", "true", "true", "false", ""]),
            "" if rng.random() < 0.4 else str(rng.choice([5, 5, 5, 4, 4, 3, 2])),
            "true" if rng.random() < 0.05 else "false",
            "" if not resolved else ("true" if rng.random() < 0.05 else "false"),
            "" if not resolved else ("true" if rng.random() < 0.85 else "false"),
            rng.choice(["phone", "web", "wechat"]), q(rng.choice(notes)),
        ]))
    write(os.path.join(HERE, "simple", "tickets.csv"), lines)


# --- a ServiceNow-style incident event log -------------------------------------------------------
def servicenow():
    rng = random.Random(11)
    header = ("number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,"
              "opened_at,sys_updated_at,contact_type,category,priority,assignment_group,assigned_to,knowledge,"
              "closed_code,resolved_at,closed_at")
    lines = [header]
    fmt = lambda t: f"{t.day}/{t.month}/{t.year} {t.hour:02d}:{t.minute:02d}"  # noqa: E731  d/M/yyyy HH:mm
    priorities = ["1 - Critical", "2 - High", "3 - Moderate", "3 - Moderate", "3 - Moderate", "4 - Low"]
    hours = {"1 - Critical": 4, "2 - High": 8, "3 - Moderate": 48, "4 - Low": 120}
    start = datetime(2016, 3, 1, 8, 0)
    for n in range(1, 31):
        number = f"INC{45 + n * 7:07d}"
        opened = start + timedelta(minutes=rng.randrange(0, 20 * 24 * 60))
        priority = rng.choice(priorities)
        caller = f"Caller {rng.randrange(100, 5000)}"
        contact = rng.choice(["Phone", "Phone", "Email", "Self service"])
        category = f"Category {rng.randrange(2, 60)}"
        group, person = f"Group {rng.randrange(10, 80)}", f"Resolver {rng.randrange(1, 200)}"
        made = "true"
        mods = 0
        reopen = 0
        resolved = closed = None
        t = opened
        states = ["New"]
        if rng.random() < 0.9:
            states.append("Active")
            if rng.random() < 0.3:
                states += ["Awaiting User Info", "Active"]
            if rng.random() < 0.85:
                states.append("Resolved")
                if rng.random() < 0.15:
                    states += ["Active", "Resolved"]
                if rng.random() < 0.8:
                    states.append("Closed")
        for state in states:
            if state != "New":
                step = timedelta(minutes=rng.randrange(3, 50)) if state == "Active" and mods == 1 else \
                    timedelta(hours=rng.uniform(0.5, hours[priority] * 0.6)) if state == "Resolved" else \
                    timedelta(hours=rng.uniform(2, 30))
                t = t + step
            if state == "Active" and resolved is not None:
                reopen += 1
                resolved = None
            if state == "Resolved":
                resolved = t
                if t - opened > timedelta(hours=hours[priority]):
                    made = "false"
            if state == "Closed":
                closed = t
            lines.append(",".join([
                number, state, "false" if state == "Closed" else "true", str(min(mods, 2)), str(reopen), str(mods),
                made, caller, fmt(opened), fmt(t), contact, category, priority,
                group if mods else "?", person if mods else "?", "false",
                "code 5" if closed else "?", fmt(resolved) if resolved else "?", fmt(closed) if closed else "?",
            ]))
            mods += 1
    write(os.path.join(HERE, "servicenow", "incident_event_log.csv"), lines, crlf=False)


# --- a 311-style service-request export -----------------------------------------------------------
def three_one_one():
    rng = random.Random(311)
    header = ('"Unique Key","Created Date","Closed Date","Agency","Complaint Type","Descriptor","Incident Zip",'
              '"Status","Resolution Description","Borough","Open Data Channel Type"')
    lines = [header]
    fmt = lambda t: t.strftime("%m/%d/%Y %I:%M:%S %p")  # noqa: E731  MM/dd/yyyy hh:mm:ss a
    kinds = [("NYPD", "Noise - Residential", "Loud Music/Party"), ("DSNY", "Dirty Condition", "Trash"),
             ("DOT", "Street Condition", "Pothole"), ("HPD", "HEAT/HOT WATER", "ENTIRE BUILDING"),
             ("DEP", "Water System", "Leak (Use Comments) (WA2)"), ("DOT", "Street Light Condition",
                                                                     "Street Light Out")]
    boroughs = ["BROOKLYN", "QUEENS", "MANHATTAN", "BRONX", "STATEN ISLAND"]
    start = datetime(2026, 3, 1, 0, 0)
    for n in range(1, 61):
        agency, kind, descriptor = rng.choice(kinds)
        created = start + timedelta(seconds=rng.randrange(0, 21 * 86400))
        status = rng.choice(["Closed"] * 8 + ["In Progress", "Open"])
        closed = created + timedelta(hours=rng.lognormvariate(2.5, 1.3)) if status == "Closed" else None
        resolution = ("The Police Department responded to the complaint and took action to fix the condition."
                      if agency == "NYPD" else "The Department inspected the condition, and repaired it.")
        if n == 37:  # a closing date before the creation date, as real 311 data has
            closed = created - timedelta(days=2)
        lines.append(",".join([
            str(61000000 + n * 13), fmt(created), fmt(closed) if closed else "", agency, kind, q(descriptor),
            str(rng.randrange(10001, 11698)), status, q(resolution) if closed else "", boroughs[n % 5],
            rng.choice(["PHONE", "ONLINE", "MOBILE", "UNKNOWN"]),
        ]))
    write(os.path.join(HERE, "311", "service_requests.csv"), lines)


# --- 杭州安迈智能装备: twelve months of work orders ----------------------------------------------------
def anmai():
    rng = random.Random(20260905)
    n, unresolved = 3912, 6
    resolved_n = n - unresolved
    within_sla = round(0.954 * resolved_n)
    beyond_five_workdays = resolved_n - round(0.976 * resolved_n)
    words = {5: "非常满意", 4: "满意", 3: "一般", 2: "不满意", 1: "非常不满意"}
    rated = round(0.4 * n)
    scores = [5] * round(0.72 * rated) + [4] * round(0.214 * rated) + [3] * round(0.04 * rated) + \
        [2] * round(0.016 * rated)
    scores += [1] * (rated - len(scores))
    scores += [None] * (n - rated)
    rng.shuffle(scores)

    def exact(count_true, total):
        flags = [True] * count_true + [False] * (total - count_true)
        rng.shuffle(flags)
        return flags

    fcr = exact(round(0.762 * (n - 12)), n - 12) + [None] * 12
    rng.shuffle(fcr)
    complaint = exact(round(0.013 * n), n)
    # Resolution classes for resolved tickets: within SLA, late but within 5 working days, later.
    classes = ["ok"] * within_sla + ["late"] * (resolved_n - within_sla - beyond_five_workdays) + \
        ["very late"] * beyond_five_workdays
    rng.shuffle(classes)
    reopened = exact(round(0.019 * resolved_n), resolved_n)
    callback = exact(round(0.975 * resolved_n), resolved_n)

    start = datetime(2025, 9, 1)
    span = (datetime(2026, 8, 29) - start).total_seconds()
    created_times = sorted(start + timedelta(seconds=rng.randrange(int(span))) for _ in range(n - unresolved))
    created_times += [datetime(2026, 8, 31, 15, 0) + timedelta(minutes=37 * k) for k in range(unresolved)]
    fmt = "%Y-%m-%d %H:%M:%S"
    faults = ["主轴过热报警", "伺服驱动器 AL.16 报警", "换刀机械手卡滞", "冷却液泵不出水, 压力低", "PLC 通讯中断",
              "导轨润滑不足报警", "远程诊断: 参数漂移", '客户反映"异响", 需现场确认', "光栅尺读数跳动", "安装调试"]
    models = ["AM-VMC850", "AM-HMC630", "AM-5AX400", "AM-RB20 机器人单元", "AM-GL200 自动线"]
    lines = ["工单编号,创建时间,首次响应时间,完成时间,优先级,服务方式,设备型号,故障描述,一次解决,满意度,是否投诉,重开,回访"]
    r = 0
    for k, created in enumerate(created_times):
        urgent = rng.random() < 0.15
        response = created + timedelta(seconds=max(15, int(rng.lognormvariate(4.79, 0.52))))
        done = ""
        extra = ["", "", ""]
        if k < n - unresolved:
            cls = classes[r]
            deadline = 4 if urgent else 48
            if cls == "ok":
                hours = min(deadline - 0.05, rng.lognormvariate(0.6 if urgent else 2.4, 0.7))
            elif cls == "late":
                hours = rng.uniform(deadline + 0.5, 90)
            else:
                hours = rng.uniform(9 * 24, 16 * 24)
            done = (created + timedelta(hours=max(hours, (response - created).total_seconds() / 3600 + 0.2)))
            done = done.strftime(fmt)
            extra = ["是" if reopened[r] else "否", "是" if callback[r] else "否"]
            r += 1
        score = scores[k]
        row = [
            f"AM-WO-{2025 if created.year == 2025 else 2026}{k + 1:05d}", created.strftime(fmt),
            response.strftime(fmt), done, "紧急" if urgent else "普通", rng.choice(["远程", "远程", "现场"]),
            rng.choice(models), q(rng.choice(faults)),
            "" if fcr[k] is None else ("是" if fcr[k] else "否"),
            "" if score is None else words[score], "是" if complaint[k] else "否",
            extra[0] if done else "", extra[1] if done else "",
        ]
        lines.append(",".join(row))
    write(os.path.join(ROOT, "Examples", "anmai-equipment", "evidence", "tickets", "work-orders-2025-09_2026-08.csv"),
          lines, bom=True)


simple()
servicenow()
three_one_one()
anmai()
