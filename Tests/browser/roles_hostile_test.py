"""Hostile text entered by every role, in a real browser: a company member, a company admin, an auditor, a reviewer
and the certification body's administrator each write what their role may write (organisation name and site,
assessor, criterion notes and not-applicable reasons, evidence titles, findings, plan fields, display names), and
every page each of them can open shows it as text and runs nothing: no dialog, no console error, no uncaught
exception, no element the text would have made, no flag set by a payload.

Run by Tests/browser/run.sh against the server with accounts (after accounts_test.py, whose admin it signs in as);
it sets MATURITY_URL, MATURITY_BIN, MATURITY_DATA, CRITERIA_DIR and CHROMIUM.
"""
import os
import subprocess
import sys

from playwright.sync_api import sync_playwright, expect

import workspace_test as ws

DATA = os.environ["MATURITY_DATA"]
PASSWORD = "a passphrase long enough"

# Each payload, if it ran, would open a dialog or set window.__pwned.
SCRIPT = "<script>window.__pwned=1;alert('script')</script>"
IMG = '"><img src=x onerror="window.__pwned=1;alert(1)">'
SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"><script>alert(3)</script></svg>'
RTL = "\u202etxt.exe\u202c 右到左 \u202e"
LONG = "W" * 10000
HOSTILE = [SCRIPT, IMG, SVG, RTL, LONG]
# Short fields (names, assessor) hold the short payloads.
SHORT = f"{IMG} {RTL}"

ROLES = {
    "h-member": ["--role", "company-member"],
    "h-admin": ["--role", "company-admin"],
    "h-auditor": ["--role", "auditor"],
    "h-reviewer": ["--role", "reviewer"],
    "h-cb": ["--role", "cb-admin"],
}


def add_user(name, *options):
    done = subprocess.run(
        [ws.BIN, "users", "add", name, *options, "--display-name", f"{name} {SHORT}", "--language", "en",
         "--password-stdin", "--data", DATA],
        input=PASSWORD + "\n", text=True, capture_output=True)
    assert done.returncode == 0, done.stderr


def sign_in(context, name):
    w = ws.Watched(context, name)
    w.goto("/en/login")
    w.page.fill("#name", name)
    w.page.fill("#password", PASSWORD)
    w.page.click("form[action$='/login'] button")
    w.check()
    return w


def nothing_ran(w):
    """The page as it is now shows no element or effect a payload would have made."""
    page = w.page
    assert page.evaluate("() => window.__pwned") is None, f"{w.name}: a payload ran on {page.url}"
    assert page.locator("img[src=x]").count() == 0, f"{w.name}: an <img> from text on {page.url}"
    assert page.locator("body script").count() == 0, f"{w.name}: a <script> in the body of {page.url}"
    # The pages draw charts as SVG of their own; one made from text would carry its onload or a script.
    assert page.locator("svg[onload], svg script").count() == 0, f"{w.name}: an <svg> from text on {page.url}"
    w.check()


def save_criterion(w, assessment, criterion, note, na=""):
    w.goto(f"/en/a/{assessment}/c/{criterion}")
    w.page.fill("#note", note)
    w.page.fill("#na", na)
    w.page.click("button[name=then][value=stay]")
    nothing_ran(w)
    assert w.page.locator("#note").input_value() == note, f"{w.name}: the note came back changed"


def pages(organisation, assessment):
    base = f"/en/a/{assessment}"
    return ["/en/", f"/en/o/{organisation}", f"/en/o/{organisation}/history", base, f"{base}/c/SP-01",
            f"{base}/c/SP-02", f"{base}/evidence", f"{base}/kpis", f"{base}/findings", f"{base}/plan",
            f"{base}/review", f"{base}/downloads", f"{base}/trail", f"/zh/a/{assessment}/evidence",
            f"/zh/a/{assessment}/findings", f"/zh/a/{assessment}/plan"]


def visit_every_page(w, paths, minimum):
    """Every page of `paths` the role can open (asked first without the page: a 404 is a page it cannot open),
    checked; at least `minimum` of them must open."""
    opened = 0
    for path in paths:
        status = w.page.context.request.get(ws.BASE + path, max_redirects=0).status
        if status in (403, 404):
            continue
        assert status == 200, f"{w.name}: {path} answered {status}"
        w.goto(path)
        nothing_ran(w)
        opened += 1
    assert opened >= minimum, f"{w.name}: only {opened} pages opened"
    return opened


def every_role_writes_hostile_text_and_every_page_shows_it_as_text(a, b):
    browser = a.browser
    cb = sign_in(a, "admin")
    organisation = ws.create_organisation(cb, "en", f"{SHORT} Co")
    self_assessment = ws.create_assessment(cb, "en", organisation, "self", "2026-11-01", assessor=SHORT)
    audit = ws.create_assessment(cb, "en", organisation, "audit", "2026-11-20", auditor="h-auditor",
                                 source=self_assessment)
    for name, role in ROLES.items():
        scope = []
        if role[1].startswith("company"):
            scope = ["--organisation", organisation]
        elif role[1] == "auditor":
            scope = ["--assessment", audit]
        add_user(name, *role, *scope)
    contexts = {name: browser.new_context(locale="en-GB") for name in ROLES}
    try:
        users = {name: sign_in(context, name) for name, context in contexts.items()}
        member, admin, auditor = users["h-member"], users["h-admin"], users["h-auditor"]

        # The company's people write into the self-assessment: notes, not-applicable reasons, evidence titles.
        save_criterion(member, self_assessment, "SP-01", "\n".join(HOSTILE))
        save_criterion(admin, self_assessment, "SP-02", SVG, na=IMG)
        # A title takes 2,000 characters (the field's maxlength); the 10,000-character line goes into notes.
        for who, kind, text in [(member, "statement", SCRIPT), (admin, "document", LONG[:2000]), (member, "record", SVG)]:
            ws.upload_evidence(who, "en", self_assessment, "SP-01", kind, text, "2026-10-01", SVG)
            nothing_ran(who)
        # The plan, made from the assessment; the admin fills an action's people's fields.
        admin.goto(f"/en/a/{self_assessment}/plan")
        admin.page.click("form[action$='/plan'] button")
        nothing_ran(admin)
        first = admin.page.locator("details[id^=edit-]").first
        first.locator("summary").click()
        first.locator("input[name=owner]").fill(SHORT)
        first.locator("textarea[name=root_cause]").fill(SCRIPT + "\n" + LONG)
        first.locator("textarea[name=progress]").fill(RTL)
        first.locator("button").click()
        nothing_ran(admin)
        expect(admin.page.locator("#actions")).to_contain_text(SHORT)

        # The auditor writes into the audit: a finding,
        auditor.goto(f"/en/a/{audit}/findings")
        auditor.page.select_option("#new-criterion", "SP-01")
        auditor.page.fill("#new-text", "\n".join(HOSTILE))
        auditor.page.click("form[action$='/findings'] button")
        nothing_ran(auditor)
        expect(auditor.page.locator("#findings")).to_contain_text(SCRIPT)
        # and an interview of their own, cited from a criterion (the company's notes are not theirs to change).
        ws.upload_evidence(auditor, "en", audit, "SP-02", "interview", RTL + " " + IMG, "2026-11-20", SCRIPT)
        nothing_ran(auditor)

        # Every role opens every page it can, of both assessments; each shows the text as text.
        for name, w in users.items():
            minimum = 4 if name != "h-auditor" else 3
            opened = visit_every_page(w, pages(organisation, self_assessment), 0 if name == "h-auditor" else minimum)
            opened += visit_every_page(w, pages(organisation, audit), minimum)
            print(f"     {name}: {opened} pages opened, each showing the text as text")
        visit_every_page(cb, pages(organisation, self_assessment), 10)

        # The text is there, as typed.
        member.goto(f"/en/a/{self_assessment}/evidence")
        expect(member.page.locator("#register")).to_contain_text(SCRIPT)
        expect(member.page.locator("#register")).to_contain_text(LONG[:2000])
        member.goto(f"/en/a/{self_assessment}/c/SP-01")
        assert member.page.locator("#note").input_value() == "\n".join(HOSTILE)
        member.goto(f"/en/a/{audit}/findings")
        expect(member.page.locator("#findings")).to_contain_text(LONG)
        member.goto("/en/")
        expect(member.page.locator("body")).to_contain_text(f"h-member {SHORT}")
        cb.goto(f"/en/a/{self_assessment}/trail")
        expect(cb.page.locator("table")).to_contain_text("h-member")
    finally:
        for context in contexts.values():
            context.close()


def main():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=ws.CHROMIUM, args=["--no-sandbox"])
        ws.run("every_role_writes_hostile_text_and_every_page_shows_it_as_text",
               every_role_writes_hostile_text_and_every_page_shows_it_as_text, browser)
        browser.close()
    if ws.FAILURES:
        print(f"{len(ws.FAILURES)} failed: {', '.join(ws.FAILURES)}")
        sys.exit(1)
    print("all hostile-text browser tests passed")


if __name__ == "__main__":
    main()
