"""End-to-end tests of the workspace pages in a real browser (Debian's chromium, driven by Playwright).

Run by Tests/browser/run.sh, which starts `maturity serve` on 127.0.0.1 and sets:
  MATURITY_URL   the server's base URL
  MATURITY_BIN   the built command line (flow 3 compares the review with what it prints)
  CRITERIA_DIR   the repository's Criteria/ folder
Every page visited is checked: no console error, no dialog, one h1, every input labelled.
"""
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
import zipfile

from playwright.sync_api import sync_playwright, Page, expect

BASE = os.environ["MATURITY_URL"].rstrip("/")
BIN = os.environ["MATURITY_BIN"]
CRITERIA = os.environ["CRITERIA_DIR"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

FAILURES = []


class Watched:
    """A browser page whose console errors, uncaught exceptions and dialogs are collected."""

    def __init__(self, context, name):
        self.name = name
        self.page = context.new_page()
        self.errors = []
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog opened: {d.message}"), d.dismiss()))

    def goto(self, path):
        response = self.page.goto(BASE + path)
        self.check()
        return response

    def check(self):
        """The page as it is now: one h1, every visible input labelled, nothing in the console."""
        page = self.page
        h1 = page.locator("h1").count()
        assert h1 == 1, f"{self.name}: {page.url} has {h1} h1 elements"
        unlabelled = page.evaluate(
            """() => [...document.querySelectorAll('input, select, textarea')]
                .filter(e => e.type !== 'hidden' && e.type !== 'submit' && e.type !== 'button')
                .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
                .map(e => e.name || e.id)"""
        )
        assert not unlabelled, f"{self.name}: {page.url} has inputs without a label: {unlabelled}"
        assert not self.errors, f"{self.name}: {page.url}: {self.errors}"


def fetch(path, w=None):
    """GET an API path, as the person on page `w` when given (their session cookie), else as nobody."""
    if w is not None:
        response = w.page.context.request.get(BASE + path)
        assert response.ok, f"{w.name}: GET {path}: {response.status} {response.text()[:500]}"
        return response.body()
    with urllib.request.urlopen(BASE + path) as response:
        return response.read()


class Cast:
    """Who does each step of the flows. Without accounts anyone may do anything, so a person is a browser page;
    accounts_test.py replaces this with people who sign in with their role (see AccountsCast there)."""

    accounts = False

    def person(self, context, role, name):
        """A page for `name` acting as `role` (admin, member, auditor, reviewer)."""
        return Watched(context, name)

    def joined(self, name, organisation_name):
        """`name` becomes a company member of the organisation."""

    def assigned(self, name, assessment):
        """`name` becomes the auditor assigned to the assessment."""


CAST = Cast()


def run(name, test, browser):
    context_a = browser.new_context(locale="en-GB")
    context_b = browser.new_context(locale="zh-CN")
    try:
        test(context_a, context_b)
        print(f"ok   {name}")
    except Exception as error:  # every flow runs; failures are reported together
        FAILURES.append(name)
        print(f"FAIL {name}: {error}")
    finally:
        context_a.close()
        context_b.close()


def create_organisation(w: Watched, lang, name):
    w.goto(f"/{lang}/")
    w.page.fill("#org-name", name)
    w.page.click("form[action$='/organisations'] button")
    w.check()
    return w.page.url.rstrip("/").split("/")[-1]


def create_assessment(w: Watched, lang, organisation, kind, date, assessor="", auditor="", source=""):
    w.goto(f"/{lang}/o/{organisation}")
    w.page.select_option("#new-kind", kind)
    if source:
        w.page.select_option("#new-from", source)
    w.page.fill("#new-date", date)
    if assessor:
        w.page.fill("#new-assessor", assessor)
    if auditor:
        w.page.fill("#new-auditor", auditor)
    w.page.click("form[action$='/assessments'] button")
    w.check()
    assert "/a/" in w.page.url, f"no assessment created: {w.page.content()[:2000]}"
    return w.page.url.split("/a/")[1].split("?")[0].split("/")[0]


def upload_evidence(w: Watched, lang, assessment, criterion, kind, title, date, content):
    w.goto(f"/{lang}/a/{assessment}/c/{criterion}")
    w.page.select_option("#up-kind", kind)
    w.page.fill("#up-title", title)
    w.page.fill("#up-date", date)
    w.page.set_input_files("#up-file", files=[{"name": f"{kind}.md", "mimeType": "text/markdown", "buffer": content.encode()}])
    w.page.click("form[enctype='multipart/form-data'] button")
    w.check()


def rating(w: Watched):
    return w.page.locator(".badge").first.get_attribute("data-rating")


def overall(w: Watched):
    return float(w.page.locator("#overall").inner_text().split()[0])


def fill_criteria(w: Watched, lang, assessment, criteria, level):
    for criterion in criteria:
        w.goto(f"/{lang}/a/{assessment}/c/{criterion}")
        w.page.check(f"#claimed-{level}")
        for box in w.page.locator("#evidence-picker input[type=checkbox]").all():
            box.check()
        w.page.click("button[name=then][value=stay]")
        w.check()
        expect(w.page.locator("#level")).to_have_attribute("data-level", str(level))


def state():
    return STATE


STATE = {}


def evidence_kinds(w: Watched, lang, assessment):
    """The evidence kinds the catalog knows up to level 4 (criteria may ask for kinds of their own, such as the
    interviews of the company's internal audit)."""
    w.goto(f"/{lang}/a/{assessment}/c/SP-01")
    return [k for k in w.page.locator("#up-kind option").evaluate_all("os => os.map(o => o.value)")
            if k not in ("benchmark", "improvement_outcome")]


def flow_1_team_fills_a_self_assessment(a, b):
    admin = CAST.person(a, "admin", "admin")
    organisation = create_organisation(admin, "en", "星河测试家电服务有限公司")
    CAST.joined("alice", "星河测试家电服务有限公司")
    CAST.joined("bo", "星河测试家电服务有限公司")
    alice, bo = CAST.person(a, "member", "alice"), CAST.person(b, "member", "bo")
    assessment = create_assessment(alice, "en", organisation, "self", "2026-11-01", assessor="李伟")
    alice.goto(f"/en/a/{assessment}")
    assert rating(alice) == "fail"
    assert overall(alice) == 0
    expect(alice.page.locator("#progress")).to_contain_text("0 of 45")
    # The evidence register: one item of every kind, each uploaded with its file.
    kinds = evidence_kinds(alice, "en", assessment)
    for kind in kinds:
        upload_evidence(alice, "en", assessment, "SP-01", kind, f"{kind} 2026", "2026-10-01", f"# {kind}\n")
    alice.goto(f"/en/a/{assessment}/evidence")
    expect(alice.page.locator("#register tbody tr")).to_have_count(len(kinds))
    expect(alice.page.locator("#register .pill.valid")).to_have_count(len(kinds))
    criteria = json.loads(fetch(f"/api/v1/assessments/{assessment}/result", alice))["criteria"]
    ids = [c["id"] for c in criteria]
    ordinary = [c["id"] for c in criteria if not c.get("key")]
    # Two people, each on their half, at the same time (the Chinese pages for the second).
    half = len(ids) // 2
    fill_criteria(alice, "en", assessment, ids[:half], 4)
    fill_criteria(bo, "zh", assessment, ids[half:], 4)
    alice.goto(f"/en/a/{assessment}")
    expect(alice.page.locator("#progress")).to_contain_text(f"{len(ids)} of {len(ids)}")
    assert rating(alice) == "pass", f"rating is {rating(alice)}"
    assert overall(alice) == 80
    # The plan, and one action filled in.
    alice.goto(f"/en/a/{assessment}/plan")
    alice.page.click("form[action$='/plan'] button")
    alice.check()
    rows = alice.page.locator("#actions tbody tr")
    assert rows.count() > 0
    first = rows.first.get_attribute("id").removeprefix("action-")
    # Action ids hold '@' (MS-08@5): found by attribute, not as CSS ids.
    alice.page.click(f'[id="edit-{first}"] summary')
    alice.page.fill(f'[id="a-{first}-owner"]', "王芳")
    alice.page.fill(f'[id="a-{first}-due"]', "2027-03-31")
    alice.page.select_option(f'[id="a-{first}-status"]', "in_progress")
    alice.page.fill(f'[id="a-{first}-measures"]', "每月抽查 20 张工单")
    alice.page.click(f'[id="edit-{first}"] button')
    alice.check()
    expect(alice.page.locator(f'[id="action-{first}"]')).to_contain_text("王芳")
    plan = json.loads(fetch(f"/api/v1/assessments/{assessment}/plan", alice))
    action = next(x for x in plan["actions"] if x["id"] == first)
    assert action["owner"] == "王芳" and action["status"] == "in_progress" and action["due"] == "2027-03-31"
    # Making the plan again keeps what people wrote.
    alice.page.click("form[action$='/plan'] button")
    alice.check()
    again = json.loads(fetch(f"/api/v1/assessments/{assessment}/plan", alice))
    assert next(x for x in again["actions"] if x["id"] == first)["measures"] == "每月抽查 20 张工单"
    STATE.update(organisation=organisation, self=assessment, criteria=ids, ordinary=ordinary)


def flow_2_auditor_lowers_two_claims(a, b):
    organisation, source, ids = STATE["organisation"], STATE["self"], STATE["ordinary"]
    # The certification body makes the audit from the self-assessment and assigns its auditor.
    admin = CAST.person(a, "admin", "admin")
    audit = create_assessment(admin, "zh", organisation, "audit", "2026-12-01", auditor="王海", source=source)
    CAST.assigned("wanghai", audit)
    auditor = CAST.person(b, "auditor", "wanghai")
    for criterion in ids[:2]:
        # The reason, as the auditor's own evidence (an observation) cited from the criterion: what the company
        # wrote stays the company's.
        auditor.goto(f"/zh/a/{audit}/c/{criterion}")
        auditor.page.select_option("#up-kind", "observation")
        auditor.page.fill("#up-title", "现场抽查：部分网点未执行")
        auditor.page.fill("#up-date", "2026-12-01")
        auditor.page.set_input_files(
            "#up-file", files=[{"name": "observation.md", "mimeType": "text/markdown", "buffer": "# 现场\n".encode()}])
        auditor.page.click("form[enctype='multipart/form-data'] button")
        auditor.check()
        auditor.page.check("#audited-2")
        auditor.page.click("button[name=then][value=stay]")
        auditor.check()
        expect(auditor.page.locator("#level")).to_have_attribute("data-level", "2")
        expect(auditor.page.locator("#caps")).to_contain_text("审核员评定 2 级")
    auditor.goto(f"/zh/a/{audit}/findings")
    auditor.page.select_option("#new-grade", "minor")
    auditor.page.select_option("#new-criterion", ids[0])
    auditor.page.fill("#new-text", "部分网点未按程序执行回访")
    auditor.page.click("form[action$='/findings'] button")
    auditor.check()
    expect(auditor.page.locator("#findings tbody")).to_contain_text("部分网点未按程序执行回访")
    report = fetch(f"/api/v1/assessments/{audit}/result?format=html&lang=zh", auditor).decode()
    assert 'id="audit"' in report, "the audit report has no self-versus-auditor section"
    result = json.loads(fetch(f"/api/v1/assessments/{audit}/result", auditor))
    assert result["audit"]["self"]["rating"] == "pass", result["audit"]["self"]
    lowered = [c for c in result["criteria"] if c["id"] in ids[:2]]
    assert all(c["level"] == 2 for c in lowered), lowered
    auditor.goto(f"/zh/a/{audit}")
    expect(auditor.page.locator("#audit")).to_be_visible()
    STATE.update(audit=audit)


def flow_3_surveillance_review_decides_as_the_command_line(a, b):
    organisation, audit = STATE["organisation"], STATE["audit"]
    # The auditor keeps the audit's result; the body opens the surveillance; a reviewer who was not on the audit
    # decides.
    auditor = CAST.person(b, "auditor", "wanghai")
    auditor.goto(f"/en/a/{audit}/review")
    auditor.page.click("form[action$='/keep'] button")
    auditor.check()
    admin = CAST.person(a, "admin", "admin")
    surveillance = create_assessment(
        admin, "en", organisation, "surveillance", "2027-06-01", auditor="王海", source=audit)
    w = CAST.person(a, "reviewer", "zhaoli")
    w.goto(f"/en/a/{surveillance}/review")
    w.page.click("form[action$='/review'][method=get] button")
    w.check()
    decision = w.page.locator("#decision [data-decision]").get_attribute("data-decision")
    w.page.click("#decision form button")
    w.check()
    kept = json.loads(fetch(f"/api/v1/organisations/{organisation}/results", w))["results"]
    previous = next(r for r in kept if r["assessment_id"] == audit)
    review = next(r for r in kept if r["kind"] == "review")
    assert review["decision"] == decision
    served = fetch(f"/api/v1/results/{review['id']}", w).decode()
    # The command line, on the same files: the exported folder, the kept previous result.
    folder = tempfile.mkdtemp()
    try:
        with zipfile.ZipFile(io.BytesIO(fetch(f"/api/v1/assessments/{surveillance}/export", w))) as archive:
            archive.extractall(folder)
        shutil.copytree(CRITERIA, os.path.join(folder, "Criteria"))
        with open(os.path.join(folder, "previous.json"), "wb") as f:
            f.write(fetch(f"/api/v1/results/{previous['id']}", w))
        env = dict(os.environ, MATURITY_CRITERIA=os.path.join(folder, "Criteria"), MATURITY_LANG="en")
        cli = subprocess.run(
            [BIN, "review", "assessment.yaml", "--previous", "previous.json", "--format", "json"],
            cwd=folder, env=env, capture_output=True, text=True)
        assert cli.returncode == 0, cli.stderr
        assert served == cli.stdout, "the recorded review differs from the command line's"
    finally:
        shutil.rmtree(folder)


def fill_worksheet(source, folder, level, kinds, bad_level=None):
    """The downloaded worksheet filled as a person fills it in a spreadsheet program (openpyxl saves it): one
    evidence item of each kind in sheet Evidence, and every criterion claimed at `level` citing them all; with
    `bad_level`, the first criterion claims that instead. Saved as FOLDER/worksheet.xlsx; returns its path and the
    cell of the first claim."""
    import datetime
    import openpyxl

    book = openpyxl.load_workbook(source)
    evidence = book["Evidence"]
    header = [c.value for c in evidence[1]]
    ids = []
    for row, kind in enumerate(kinds, start=2):
        ids.append(f"E{row - 1}")
        evidence.cell(row, header.index("ID") + 1, ids[-1])
        evidence.cell(row, header.index("Kind") + 1, kind)
        evidence.cell(row, header.index("Title") + 1, f"{kind} 2026（表格）")
        evidence.cell(row, header.index("Date") + 1, datetime.date(2026, 10, 1)).number_format = "yyyy-mm-dd"
    criteria = book["Criteria"]
    top = next(r for r in range(1, 20) if criteria.cell(r, 1).value == "ID")
    columns = {criteria.cell(top, c).value: c for c in range(1, criteria.max_column + 1)}
    first = None
    for row in range(top + 1, criteria.max_row + 1):
        if not criteria.cell(row, 1).value:
            continue
        claim = criteria.cell(row, columns["Claimed level"])
        claim.value = bad_level if first is None and bad_level is not None else level
        first = first or claim.coordinate
        criteria.cell(row, columns["Evidence ids"]).value = ", ".join(ids)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "worksheet.xlsx")
    book.save(path)
    return path, first


def a_filled_worksheet_becomes_an_assessment(a, b):
    admin = CAST.person(a, "admin", "admin")
    organisation = create_organisation(admin, "en", "表格测试有限公司")
    CAST.joined("alice", "表格测试有限公司")
    w = CAST.person(a, "member", "alice")
    blank = create_assessment(w, "en", organisation, "self", "2026-11-01", assessor="李伟")
    kinds = evidence_kinds(w, "en", blank)
    folder = tempfile.mkdtemp()
    try:
        w.goto(f"/en/a/{blank}/downloads")
        with w.page.expect_download() as download:
            w.page.click("a[href*='sheet=worksheet']")
        source = os.path.join(folder, "downloaded.xlsx")
        download.value.save_as(source)
        # A level out of the scale: the organisation's page again, the problem at its cell, nothing stored.
        bad, cell = fill_worksheet(source, os.path.join(folder, "bad"), 4, kinds, bad_level=7)
        w.goto(f"/zh/o/{organisation}")
        w.page.set_input_files("#import-worksheet", bad)
        w.page.click("form[action$='/import/worksheet'] button")
        w.check()
        expect(w.page.locator(".notice.error")).to_contain_text(f"worksheet.xlsx!Criteria!{cell}")
        expect(w.page.locator(".notice.error")).to_contain_text("未导入")
        listed = json.loads(fetch(f"/api/v1/organisations/{organisation}/assessments", w))["assessments"]
        assert [x["id"] for x in listed] == [blank], f"the refused worksheet stored something: {listed}"
        # Filled right: a new assessment, scored as the command line scores it.
        good, _ = fill_worksheet(source, os.path.join(folder, "good"), 4, kinds)
        w.goto(f"/en/o/{organisation}")
        w.page.set_input_files("#import-worksheet", good)
        w.page.click("form[action$='/import/worksheet'] button")
        w.check()
        assert "saved=imported" in w.page.url, w.page.url
        created = w.page.url.split("/a/")[1].split("?")[0]
        assert created != blank
        assert rating(w) == "pass", f"rating is {rating(w)}"
        assert overall(w) == 80
        # Its result workbook downloads too.
        w.goto(f"/en/a/{created}/downloads")
        with w.page.expect_download() as download:
            w.page.click("a[href*='sheet=result']")
        assert download.value.suggested_filename == "result.xlsx"
    finally:
        shutil.rmtree(folder)


HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(2)"><script>alert(3)</script></svg>',
    "\u202etxt.exe\u202c 右到左",
    "长" * 10000,
]


def hostile_text_is_shown_as_text(a, b):
    w = Watched(a, "hostile")
    organisation = create_organisation(w, "en", HOSTILE[1] + " 测试")
    assessment = create_assessment(w, "en", organisation, "self", "2026-11-01", assessor=HOSTILE[0])
    for kind, text in zip(["statement", "document", "record"], HOSTILE[:3]):
        upload_evidence(w, "en", assessment, "SP-01", kind, text, "2026-10-01", HOSTILE[2])
    w.goto(f"/en/a/{assessment}/c/SP-02")
    w.page.fill("#note", "\n".join(HOSTILE))
    w.page.fill("#na", "")
    w.page.check("#claimed-1")
    w.page.click("button[name=then][value=stay]")
    w.check()
    assert w.page.locator("#note").input_value() == "\n".join(HOSTILE)
    for path in ["/en/", f"/en/o/{organisation}", f"/en/a/{assessment}", f"/en/a/{assessment}/evidence",
                 f"/en/a/{assessment}/c/SP-01", f"/zh/a/{assessment}/plan", f"/zh/a/{assessment}/downloads"]:
        w.goto(path)
        assert w.page.locator("img[src=x]").count() == 0
        assert w.page.locator("body script").count() == 0
        assert w.page.locator("main svg[onload]").count() == 0
    w.goto(f"/en/a/{assessment}/evidence")
    expect(w.page.locator("#register")).to_contain_text("<script>alert('x')</script>")


def a_stale_save_shows_both_values(a, b):
    first, second = Watched(a, "first"), Watched(b, "second")
    organisation = create_organisation(first, "en", "并发测试有限公司")
    assessment = create_assessment(first, "en", organisation, "self", "2026-11-01")
    first.goto(f"/en/a/{assessment}/c/SP-03")
    second.goto(f"/zh/a/{assessment}/c/SP-03")
    first.page.check("#claimed-2")
    first.page.fill("#note", "theirs")
    first.page.click("button[name=then][value=stay]")
    first.check()
    second.page.check("#claimed-3")
    second.page.fill("#note", "mine")
    second.page.click("button[name=then][value=stay]")
    second.check()
    conflict = second.page.locator("#conflict")
    expect(conflict).to_contain_text("theirs")
    expect(conflict).to_contain_text("mine")
    stored = json.loads(fetch(f"/api/v1/assessments/{assessment}/criteria/SP-03"))
    assert stored["claimed"] == 2 and stored["note"] == "theirs", "the first save must stand until someone chooses"
    conflict.locator("form button").click()
    second.check()
    stored = json.loads(fetch(f"/api/v1/assessments/{assessment}/criteria/SP-03"))
    assert stored["claimed"] == 3 and stored["note"] == "mine"


def every_page_works_without_script(a, b):
    context = a.browser.new_context(java_script_enabled=False)
    try:
        w = Watched(context, "no-script")
        organisation = create_organisation(w, "zh", "无脚本测试")
        assessment = create_assessment(w, "zh", organisation, "self", "2026-11-01")
        w.goto(f"/zh/a/{assessment}/c/SP-01")
        w.page.check("#claimed-1")
        w.page.click("button[name=then][value=next]")
        w.check()
        assert w.page.url.endswith("/c/SP-02?saved=1"), w.page.url
        for suffix in ["", "/evidence", "/kpis", "/plan", "/review", "/downloads"]:
            w.goto(f"/zh/a/{assessment}{suffix}")
    finally:
        context.close()


# The flows people go through, run again with accounts by accounts_test.py.
FLOWS = [flow_1_team_fills_a_self_assessment, flow_2_auditor_lowers_two_claims,
         flow_3_surveillance_review_decides_as_the_command_line, a_filled_worksheet_becomes_an_assessment]


def main():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for test in FLOWS + [hostile_text_is_shown_as_text, a_stale_save_shows_both_values,
                             every_page_works_without_script]:
            run(test.__name__, test, browser)
        browser.close()
    if FAILURES:
        print(f"{len(FAILURES)} failed: {', '.join(FAILURES)}")
        sys.exit(1)
    print("all browser tests passed")


if __name__ == "__main__":
    main()
