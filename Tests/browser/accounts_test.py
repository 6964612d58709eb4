"""The workspace with real accounts, in a real browser: an administrator, a company member, an auditor and a
reviewer sign in, each sees and changes only what their role allows, and signing out ends the session; then the
flows of workspace_test.py run again, each step done by the signed-in person whose role it is.

Run by Tests/browser/run.sh against a second server whose data folder has accounts (created with
`maturity users add … --password-stdin`); it sets MATURITY_URL, MATURITY_BIN, MATURITY_DATA and the variables
workspace_test.py reads, whose helpers this reuses.
"""
import os
import subprocess
import sys

from playwright.sync_api import sync_playwright, expect

import workspace_test as ws

DATA = os.environ["MATURITY_DATA"]
PASSWORD = "a passphrase long enough"


def add_user(name, *role):
    subprocess.run([ws.BIN, "users", "add", name, *role, "--language", "en", "--password-stdin", "--data", DATA],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)


def sign_in(context, name, password=PASSWORD):
    w = ws.Watched(context, name)
    w.goto("/en/login")
    w.page.fill("#name", name)
    w.page.fill("#password", password)
    w.page.click("form[action$='/login'] button")
    w.check()
    return w


def roles_see_and_change_only_their_part(a, b):
    admin = sign_in(a, "admin")
    organisation = ws.create_organisation(admin, "en", "Xinghe Co")
    own = ws.create_assessment(admin, "en", organisation, "self", "2026-11-01")
    add_user("member", "--role", "company-member", "--organisation", "Xinghe Co")
    add_user("auditor", "--role", "auditor", "--organisation", "Xinghe Co")
    add_user("reviewer", "--role", "reviewer")

    member_context = b.browser.new_context(locale="en-GB")
    member = sign_in(member_context, "member")
    expect(member.page.locator("h1")).to_have_text("Workspace")
    expect(member.page.get_by_role("link", name="Xinghe Co")).to_be_visible()
    # Every form carries the session's token, so the save goes through.
    member.goto(f"/en/a/{own}/c/SP-02")
    member.page.check("#claimed-2")
    member.page.click("button[name=then][value=stay]")
    member.check()
    expect(member.page.locator(".notice.ok")).to_be_visible()
    expect(member.page.locator("#claimed-2")).to_be_checked()
    # A finding is an auditor's: refused with the reason, nothing saved.
    member.goto(f"/en/a/{own}/findings")
    assert member.page.locator("form[action$='/findings'] input[name=_csrf]").count() == 1
    member.page.fill("#new-text", "not mine to write")
    member.page.click("form[action$='/findings'] button")
    expect(member.page.locator(".notice.error")).to_contain_text("auditor")

    # An auditor of the organisation's audits does not see its self-assessment: not found.
    auditor_context = b.browser.new_context(locale="en-GB")
    auditor = sign_in(auditor_context, "auditor")
    expect(auditor.page.get_by_role("link", name="Xinghe Co")).to_be_visible()
    response = auditor.page.goto(ws.BASE + f"/en/a/{own}")
    assert response.status == 404, f"the auditor saw the self-assessment: {response.status}"

    # A reviewer reads everything, and the trail names who changed what.
    reviewer_context = b.browser.new_context(locale="en-GB")
    reviewer = sign_in(reviewer_context, "reviewer")
    reviewer.goto(f"/en/a/{own}/review")
    reviewer.goto(f"/en/a/{own}/trail")
    expect(reviewer.page.locator("table")).to_contain_text("member")

    # Signing out ends the session: the pages ask to sign in again.
    member.goto("/en/")
    member.page.click("form[action$='/logout'] button")
    member.page.goto(ws.BASE + f"/en/a/{own}")
    assert "/en/login" in member.page.url, member.page.url
    for context in (member_context, auditor_context, reviewer_context):
        context.close()


def a_wrong_password_gets_the_one_message(a, b):
    w = ws.Watched(a, "wrong")
    w.goto("/en/login")
    w.page.fill("#name", "admin")
    w.page.fill("#password", "not the password at all")
    w.page.click("form[action$='/login'] button")
    w.check()
    expect(w.page.locator(".notice.error")).to_have_text("Name or password is wrong.")


class AccountsCast(ws.Cast):
    """The people of the flows as users with their roles, each signed in in a browser context of their own: the
    administrator makes organisations and audits, two company members fill the self-assessment, the auditor
    assigned to the audit scores it, a reviewer who was not on the audit decides."""

    accounts = True

    def __init__(self, browser):
        self.browser = browser
        self.people = {}
        self.users = {"admin"}

    def give(self, name, *role):
        if name in self.users:
            subprocess.run([ws.BIN, "users", "assign", name, *role, "--data", DATA],
                           text=True, check=True, capture_output=True)
        else:
            add_user(name, *role)
            self.users.add(name)

    def person(self, context, role, name):
        if name not in self.people:
            if role == "reviewer":
                self.give(name, "--role", "reviewer")
            assert name in self.users, f"{name} has no account yet"
            self.people[name] = sign_in(self.browser.new_context(locale="en-GB"), name)
        return self.people[name]

    def joined(self, name, organisation_name):
        self.give(name, "--role", "company-member", "--organisation", organisation_name)

    def assigned(self, name, assessment):
        self.give(name, "--role", "auditor", "--assessment", assessment)

    def close(self):
        for person in self.people.values():
            person.page.context.close()


def main():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=ws.CHROMIUM, args=["--no-sandbox"])
        for test in [roles_see_and_change_only_their_part, a_wrong_password_gets_the_one_message]:
            ws.run(test.__name__, test, browser)
        # The workspace's flows again, each step done by the person whose role it is.
        ws.CAST = AccountsCast(browser)
        for test in ws.FLOWS:
            ws.run(f"{test.__name__} (signed in)", test, browser)
        ws.CAST.close()
        browser.close()
    if ws.FAILURES:
        print(f"{len(ws.FAILURES)} failed: {', '.join(ws.FAILURES)}")
        sys.exit(1)
    print("all accounts browser tests passed")


if __name__ == "__main__":
    main()
