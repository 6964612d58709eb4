"""Screenshots of every workspace page in Chinese and English, for people to look at.

usage: SCREENSHOTS=DIR Tests/browser/run.sh   (imports Examples/huadong-appliance and its audit first)
"""
import io
import json
import os
import sys
import urllib.request
import zipfile

from playwright.sync_api import sync_playwright

BASE = os.environ["MATURITY_URL"].rstrip("/")
OUT = sys.argv[1]
ROOT = os.path.join(os.path.dirname(__file__), "..", "..")


def post(path, data, content_type, headers=None):
    request = urllib.request.Request(BASE + path, data=data, method="POST",
                                     headers={"Content-Type": content_type, **(headers or {})})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def zipped(folder):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for directory, _, names in os.walk(folder):
            for name in names:
                path = os.path.join(directory, name)
                archive.write(path, os.path.relpath(path, folder))
    return buffer.getvalue()


def main():
    os.makedirs(OUT, exist_ok=True)
    own = post("/api/v1/import", zipped(os.path.join(ROOT, "Examples", "huadong-appliance")), "application/zip")
    audit = post("/api/v1/import", zipped(os.path.join(ROOT, "Examples", "huadong-appliance-audit")), "application/zip")
    post(f"/api/v1/assessments/{own['id']}/plan", b"", "application/json", {"If-Match": '"0"'})
    pages = {
        "home": "/{lang}/", "organisation": f"/{{lang}}/o/{own['organisation_id']}",
        "overview": f"/{{lang}}/a/{own['id']}", "criterion": f"/{{lang}}/a/{own['id']}/c/SP-02",
        "evidence": f"/{{lang}}/a/{own['id']}/evidence", "kpis": f"/{{lang}}/a/{own['id']}/kpis",
        "plan": f"/{{lang}}/a/{own['id']}/plan", "review": f"/{{lang}}/a/{own['id']}/review",
        "downloads": f"/{{lang}}/a/{own['id']}/downloads", "audit-overview": f"/{{lang}}/a/{audit['id']}",
        "audit-criterion": f"/{{lang}}/a/{audit['id']}/c/SP-02", "findings": f"/{{lang}}/a/{audit['id']}/findings",
    }
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox"])
        for viewport, suffix in [({"width": 1280, "height": 900}, ""), ({"width": 820, "height": 1180}, ".tablet")]:
            page = browser.new_page(viewport=viewport)
            for name, path in pages.items():
                for lang in ["zh", "en"]:
                    page.goto(BASE + path.format(lang=lang))
                    page.screenshot(path=os.path.join(OUT, f"{name}.{lang}{suffix}.png"), full_page=True)
            page.close()
        browser.close()
    print("\n".join(sorted(os.listdir(OUT))))


if __name__ == "__main__":
    main()
