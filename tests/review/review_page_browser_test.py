"""The review page in a real browser (headless Chromium, Selenium).

  /usr/bin/python3 tests/review/review_page_browser_test.py CASE \
      --align BUILD/tools/align --source-dir REPO [--shared ../shared]

CASE is one of:
  flow     a page written by `align SRC TGT --review` and one by `align
           review`: no console error, no request but the page itself, one
           [data-tuid] element per <tu>, search, reject one unit and accept
           others (mouse and keys), export decisions.json, `align review
           --apply` it: the rejected unit is gone, the accepted ones carry
           x-review, the TMX is valid against the DTD
  stories  a many-article run with an aligner report: the stories overview
           and the pairs left out, with their reasons
  scripts  Arabic, Hebrew, Chinese, Korean and Ukrainian targets: each
           segment has its language and dir="auto" (right-to-left shown
           right-to-left), text intact, search ignores case beyond ASCII
  xss      articles (and a file name) holding <script>alert(1)</script> and
           "><img src=x onerror=...>: nothing runs, the text shows as text
Exits 0 on success, 1 on failure, 77 (skip) when the browser is absent.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import review_browser  # noqa: E402

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FAILURES = []


def check(condition, message):
    if condition:
        print("ok:", message)
    else:
        print("FAIL:", message)
        FAILURES.append(message)
    return condition


def run(cmd):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if r.returncode not in (0, 1):
        print("command failed (%d): %s\n%s" % (r.returncode, " ".join(cmd),
                                               r.stderr))
    return r


def read_units(tmx):
    """[(tuid, {prop type: value}, [segment texts])] read with ElementTree."""
    units = []
    for tu in ET.parse(tmx).getroot().iter("tu"):
        props = {p.get("type"): p.text for p in tu.findall("prop")}
        segs = ["".join(t.find("seg").itertext()) for t in tu.findall("tuv")]
        units.append((tu.get("tuid"), props, segs))
    return units


def dtd_valid(tmx, shared):
    dtd = os.path.join(shared or "", "eval", "tmx", "tmx14.dtd")
    if not shared or not os.path.exists(dtd):
        print("note: ../shared is absent: skipping the TMX DTD check")
        return True
    r = subprocess.run(["xmllint", "--noout", "--nonet", "--path",
                        os.path.dirname(dtd), "--dtdvalid", dtd, tmx],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if r.returncode != 0:
        print(r.stderr)
    return r.returncode == 0


def no_outside_requests(driver):
    # Every resource the page fetched (script, style, image, font, XHR,
    # fetch, beacon) is a performance entry; the page itself is the
    # navigation entry.
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    check(resources == [], "no request but the page itself (resources: %s)"
          % resources)


def page_checks(b, page, tmx):
    b.open(page)
    d = b.driver
    check(b.console_errors() == [], "no console errors on load")
    no_outside_requests(d)
    units = read_units(tmx)
    tuids = d.execute_script(
        "return Array.from(document.querySelectorAll('[data-tuid]'))"
        ".map(e => e.getAttribute('data-tuid'))")
    check(len(tuids) == len(units) and len(units) > 5,
          "%d [data-tuid] elements for %d <tu> in %s"
          % (len(tuids), len(units), os.path.basename(tmx)))
    check(sorted(tuids) == sorted(u[0] for u in units),
          "the elements' tuids are the TMX's")
    for action in ("accept", "reject"):
        n = d.execute_script(
            "return document.querySelectorAll('[data-tuid] "
            "[data-action=\"%s\"]').length" % action)
        check(n == len(units), "every unit has a %s button" % action)
    return units


def visible_units(d):
    """Units the reviewer can see: laid out, not merely not flagged."""
    return d.execute_script(
        "return Array.from(document.querySelectorAll('[data-tuid]'))"
        ".filter(e => e.getClientRects().length > 0).length")


def wait_for_download(folder, name, timeout=30):
    path = os.path.join(folder, name)
    end = time.time() + timeout
    while time.time() < end:
        if os.path.exists(path) and not glob.glob(os.path.join(folder,
                                                              "*.crdownload")):
            return path
        time.sleep(0.2)
    return None


def case_flow(args, work):
    corpus = os.path.join(args.source_dir, "corpora", "dniester-bridge")
    src = os.path.join(corpus, "kyiv-ledger.en.txt")
    tgt = os.path.join(corpus, "kyiv-ledger.uk.txt")
    tmx = os.path.join(work, "en-uk.tmx")
    page_inline = os.path.join(work, "inline.html")
    r = run([args.align, src, tgt, "-o", tmx, "--review", page_inline,
             "--date", "2025-03-14"])
    check(r.returncode == 0 and os.path.exists(page_inline),
          "align SRC TGT -o OUT.tmx --review PAGE.html wrote both")
    page = os.path.join(work, "review.html")
    r = run([args.align, "review", tmx, "-o", page])
    check(r.returncode == 0, "align review IN.tmx -o PAGE.html")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    with review_browser.Browser() as b:
        page_checks(b, page_inline, tmx)
        units = page_checks(b, page, tmx)
        d = b.driver
        check(len(d.find_elements(By.CSS_SELECTOR, "svg.alignment-path")) == 1,
              "one alignment path for the one translation pair")

        # Search: the count shown is the count of units holding the word.
        word = "bridge"
        expected = sum(1 for u in units
                       if any(word in s.lower() for s in u[2]))
        box = d.find_element(By.ID, "search")
        box.send_keys(word)
        time.sleep(0.6)
        check(visible_units(d) == expected and expected > 0,
              "search '%s' shows %d units (expected %d)"
              % (word, visible_units(d), expected))
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE)
        box.send_keys(Keys.ESCAPE)
        time.sleep(0.6)
        check(visible_units(d) == len(units), "clearing the search shows all")

        # Score filter: only units scoring at least 0.8.
        expected = sum(1 for u in units if float(u[1]["x-score"]) >= 0.8)
        low = d.find_element(By.ID, "f-min")
        low.clear()
        low.send_keys("0.8", Keys.TAB)
        time.sleep(0.3)
        check(visible_units(d) == expected,
              "score >= 0.8 shows %d units (expected %d)"
              % (visible_units(d), expected))
        low.clear()
        low.send_keys("0", Keys.TAB)
        time.sleep(0.3)

        rows = d.find_elements(By.CSS_SELECTOR, "[data-tuid]")
        rejected = rows[1].get_attribute("data-tuid")
        accepted = rows[0].get_attribute("data-tuid")
        rows[1].find_element(By.CSS_SELECTOR, '[data-action="reject"]').click()
        rows[0].find_element(By.CSS_SELECTOR, '[data-action="accept"]').click()
        check(rows[1].find_element(By.CSS_SELECTOR, '[data-action="reject"]')
              .get_attribute("aria-pressed") == "true",
              "the reject button shows as pressed")
        # Keys: the first unit is current; j moves on to the third, a
        # accepts it (and moves on), r rejects the fourth (and moves on), k
        # goes back to it, u undoes it.
        body = d.find_element(By.TAG_NAME, "body")
        body.send_keys("j")
        body.send_keys("j")
        body.send_keys("a")
        key_accepted = rows[2].get_attribute("data-tuid")
        body.send_keys("r")
        check("is-reject" in rows[3].get_attribute("class"),
              "r rejects the current unit")
        body.send_keys("k")  # back to the fourth
        body.send_keys("u")
        check("is-reject" not in rows[3].get_attribute("class"),
              "u clears the decision")
        progress = d.find_element(By.ID, "progress-text").text
        check(progress.startswith("3 of %d" % len(units)),
              "the progress counts 3 decisions: %s" % progress)

        d.find_element(By.CSS_SELECTOR, '[data-action="export"]').click()
        path = wait_for_download(b.downloads, "decisions.json")
        check(path is not None, "export downloaded decisions.json")
        if path is None:
            return
        exported = json.load(open(path, encoding="utf-8"))
        want = {accepted: "accept", rejected: "reject",
                key_accepted: "accept"}
        check(exported.get("format") == "crossalign-review-decisions" and
              exported.get("version") == 2 and
              len(exported.get("memories", [])) == 1,
              "decisions.json says its format and carries the memory's "
              "fingerprint")
        check(exported.get("decisions") == want and
              "operations" not in exported and "edits" not in exported,
              "decisions.json holds exactly the 3 decisions: %s" % exported)
        check(b.console_errors() == [], "no console errors after export")
        no_outside_requests(d)
        decisions = os.path.join(work, "decisions.json")
        shutil.copy(path, decisions)

    # Going on with a review in a fresh browser: load the decisions, then
    # accept every unit scoring 0.8 or more at once.
    with review_browser.Browser() as b:
        b.open(page)
        d = b.driver
        check(d.find_element(By.ID, "progress-text").text.startswith(
            "0 of"), "a fresh browser starts with no decision")
        d.execute_script("document.getElementById('import-file').hidden = false")
        d.find_element(By.ID, "import-file").send_keys(decisions)
        time.sleep(0.5)
        states = d.execute_script(
            "var o = {}; document.querySelectorAll('[data-tuid]').forEach("
            "function (e) { var c = e.classList; if (c.contains('is-accept'))"
            " o[e.getAttribute('data-tuid')] = 'accept'; if (c.contains("
            "'is-reject')) o[e.getAttribute('data-tuid')] = 'reject'; });"
            "return o;")
        check(states == want, "Load decisions restores the 3 decisions")
        # Correct the target of the sixth unit: c, select all, type, Enter.
        rows = d.find_elements(By.CSS_SELECTOR, "[data-tuid]")
        edited = rows[5].get_attribute("data-tuid")
        corrected = "Виправлений переклад <b>тут</b>."
        rows[5].find_element(By.CSS_SELECTOR, '[data-action="edit"]').click()
        target = rows[5].find_element(By.CSS_SELECTOR, ".seg.tgt")
        target.send_keys(Keys.CONTROL, "a")
        target.send_keys(corrected)
        target.send_keys(Keys.ENTER)
        check(target.text == corrected and
              "is-accept" in rows[5].get_attribute("class"),
              "a corrected unit shows its new text and is accepted")
        d.find_element(By.CSS_SELECTOR, '[data-action="export"]').click()
        path2 = wait_for_download(b.downloads, "decisions.json")
        exported2 = json.load(open(path2, encoding="utf-8")) if path2 else {}
        want2 = dict(want)
        want2[edited] = "accept"
        check(exported2.get("decisions") == want2 and
              exported2.get("edits") == {edited: {"tgt": corrected}},
              "decisions.json carries the correction: %s" % exported2)
        corrections = os.path.join(work, "corrections.json")
        if path2:
            shutil.copy(path2, corrections)
        low = d.find_element(By.ID, "f-min")
        low.clear()
        low.send_keys("0.8", Keys.TAB)
        time.sleep(0.3)
        d.find_element(By.CSS_SELECTOR, '[data-action="accept-shown"]').click()
        d.switch_to.alert.accept()
        left = d.execute_script(
            "return Array.from(document.querySelectorAll('[data-tuid]'))"
            ".filter(e => e.getClientRects().length > 0 &&"
            " !e.classList.contains('is-accept')).length")
        shown_now = visible_units(d)
        check(left == 0 and shown_now == sum(
            1 for u in units if float(u[1]["x-score"]) >= 0.8),
              "Accept shown accepts the %d units shown" % shown_now)
        check(b.console_errors() == [], "no console errors")

    out = os.path.join(work, "reviewed.tmx")
    r = run([args.align, "review", "--apply", decisions, tmx, "-o", out])
    check(r.returncode == 0, "align review --apply: %s" % r.stderr.strip())
    after = read_units(out)
    ids = [u[0] for u in after]
    check(rejected not in ids, "the rejected unit is gone")
    check(len(after) == len(units) - 1, "every other unit is kept")
    marked = sorted(t for t, props, _ in after
                    if props.get("x-review") == "accepted")
    check(marked == sorted([accepted, key_accepted]),
          "exactly the accepted units carry x-review=accepted")
    check(all(len(p) == 4 for t, p, _ in after if t not in marked),
          "the undecided units keep their 4 props, unmarked")
    check(dtd_valid(out, args.shared), "the reviewed TMX is valid")

    out2 = os.path.join(work, "corrected.tmx")
    r = run([args.align, "review", "--apply", corrections, tmx, "-o", out2])
    check(r.returncode == 0, "align review --apply with a correction")
    got = {t: (p, segs) for t, p, segs in read_units(out2)}
    check(edited in got and got[edited][1][1] == corrected and
          got[edited][0].get("x-review-edited") == "tgt",
          "the corrected target is in the TMX, marked x-review-edited=tgt")
    check(dtd_valid(out2, args.shared), "the corrected TMX is valid")


def case_stories(args, work):
    # Two stories: pairs across them are left out.
    files = sorted(glob.glob(os.path.join(args.source_dir, "corpora",
                                          "dniester-bridge", "*.txt")) +
                   glob.glob(os.path.join(args.source_dir, "corpora",
                                          "busan-ferry", "*.txt")))
    out = os.path.join(work, "out")
    page_inline = os.path.join(work, "inline.html")
    r = run([args.align] + files + ["-o", out, "--review", page_inline,
                                    "--date", "2025-03-14"])
    check(os.path.exists(page_inline), "many-article run wrote the page")
    tmxs = sorted(glob.glob(os.path.join(out, "*.tmx")))
    total = sum(len(read_units(t)) for t in tmxs)
    # A report in the aligner's --report format: every pair of articles,
    # those that gave units as aligned, the others left out.
    pairs = {}
    for t in tmxs:
        for tu in ET.parse(t).getroot().iter("tu"):
            docs = [tuv.find("prop[@type='x-document']").text
                    for tuv in tu.findall("tuv")]
            pairs[tuple(docs)] = pairs.get(tuple(docs), 0) + 1
    report = os.path.join(work, "report.jsonl")
    left_out = 0
    with open(report, "w", encoding="utf-8") as f:
        for i, a in enumerate(files):
            for c in files[i + 1:]:
                n = pairs.get((a, c), pairs.get((c, a), 0))
                key = (a, c) if (a, c) in pairs or (c, a) not in pairs else (c, a)
                if n == 0:
                    left_out += 1
                f.write(json.dumps({
                    "src": key[0], "tgt": key[1], "similarity": 0.5 if n else 0.03,
                    "decision": "translation" if n else "unrelated",
                    "reason": "shared words" if n else "few <b>shared</b> names",
                    "units": n, "future_key": [1, 2]}) + "\n")
    page = os.path.join(work, "review.html")
    r = run([args.align, "review"] + tmxs + ["--report", report, "-o", page])
    check(r.returncode == 0, "align review DIR/*.tmx --report FILE")
    with review_browser.Browser() as b:
        for p in (page_inline, page):
            b.open(p)
            d = b.driver
            check(b.console_errors() == [], "no console errors")
            no_outside_requests(d)
            n = d.execute_script(
                "return document.querySelectorAll('[data-tuid]').length")
            check(n == total, "%d units on the page, %d in the TMX files"
                  % (n, total))
            stories = d.execute_script(
                "return document.querySelectorAll('#stories .story').length")
            check(stories >= 1, "the stories overview shows %d stories" % stories)
            rows = d.execute_script(
                "return document.querySelectorAll('#stories tr.link').length")
            check(rows == len(pairs), "%d paired articles listed (%d pairs)"
                  % (rows, len(pairs)))
        shown = d.execute_script(
            "return document.querySelectorAll('#left-out tr').length - 1")
        check(shown == left_out and left_out > 0,
              "%d pairs left out listed (report: %d)" % (shown, left_out))
        text = d.execute_script(
            "return document.getElementById('left-out').textContent")
        check("few <b>shared</b> names" in text, "the reason shows as text")
        # A click on a paired article row filters the units to that pair.
        link = d.find_element("css selector", "#stories tr.link")
        link.click()
        time.sleep(0.3)
        n = visible_units(d)
        check(0 < n < total, "a story row filters to its pair (%d units)" % n)


def case_xss(args, work):
    corpus = os.path.join(args.source_dir, "corpora", "dniester-bridge")
    payload_en = ('The minister said <script>alert(1)</script> was '
                  '"><img src=x onerror="document.title=\'pwned\';'
                  'window.__xss=1"> nothing at all.')
    payload_uk = ('Міністр сказав, що <script>alert(1)</script> було '
                  '"><img src=x onerror="document.title=\'pwned\';'
                  'window.__xss=1"> зовсім нічим.')
    names = []
    for lang, payload in (("en", payload_en), ("uk", payload_uk)):
        text = open(os.path.join(corpus, "kyiv-ledger.%s.txt" % lang),
                    encoding="utf-8").read().rstrip("\n")
        name = os.path.join(work, '"><img src=x onerror=window.__xss=2>%s.txt'
                            % lang)
        with open(name, "w", encoding="utf-8") as f:
            f.write(text + "\n\n" + payload + "\n")
        names.append(name)
    tmx = os.path.join(work, "xss.tmx")
    page = os.path.join(work, "xss.html")
    r = run([args.align, names[0], names[1], "-o", tmx, "--review", page,
             "--date", "2025-03-14"])
    check(r.returncode == 0, "aligned the hostile articles")
    segs = [s for u in read_units(tmx) for s in u[2]]
    check(any("<script>alert(1)</script>" in s for s in segs) and
          any("onerror=" in s for s in segs),
          "the hostile text is in the memory's units")
    from selenium.common.exceptions import NoAlertPresentException

    with review_browser.Browser() as b:
        b.open(page)
        d = b.driver
        time.sleep(0.5)
        try:
            d.switch_to.alert
            check(False, "no alert is open")
        except NoAlertPresentException:
            check(True, "no alert is open")
        check(d.execute_script("return window.__xss === undefined"),
              "no onerror handler ran")
        check(d.title != "pwned" and d.title.startswith("crossalign review"),
              "the title is untouched: %s" % d.title)
        check(d.execute_script(
            "return document.querySelectorAll('img, [onerror]').length") == 0,
              "no element came from article text")
        check(d.execute_script("return document.scripts.length") == 2,
              "only the page's own two scripts")
        text = d.execute_script(
            "return document.getElementById('units').textContent")
        check("<script>alert(1)</script>" in text and
              "onerror=\"document.title='pwned'" in text,
              "the hostile text shows as text")
        check(b.console_errors() == [], "no console errors (no CSP report)")
        no_outside_requests(d)


SCRIPTS_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1"
 segtype="sentence" o-tmf="test" adminlang="en" srclang="en"
 datatype="plaintext" creationdate="20250314T103000Z"/><body>
%s
</body></tmx>
"""
SCRIPTS = [("ar", "\u0627\u0641\u062a\u062a\u0627\u062d \u0627\u0644\u062c\u0633\u0631 \u0627\u0644\u064a\u0648\u0645."),
           ("he", "\u05d4\u05d2\u05e9\u05e8 \u05e0\u05e4\u05ea\u05d7 \u05d4\u05d9\u05d5\u05dd."),
           ("zh", "\u5927\u6865\u4eca\u5929\u5f00\u901a\u3002"),
           ("ko", "\ub2e4\ub9ac\uac00 \uc624\ub298 \uac1c\ud1b5\ud588\ub2e4."),
           ("uk", "\u041c\u0456\u0441\u0442 \u0432\u0456\u0434\u043a\u0440\u0438\u043b\u0438 \u0441\u044c\u043e\u0433\u043e\u0434\u043d\u0456.")]


def case_scripts(args, work):
    units = []
    for i, (lang, text) in enumerate(SCRIPTS):
        units.append(
            '<tu tuid="u%d"><prop type="x-score">0.8</prop>'
            '<tuv xml:lang="en"><prop type="x-document">a.en.txt</prop>'
            '<seg>The bridge opened today.</seg></tuv>'
            '<tuv xml:lang="%s"><prop type="x-document">a.%s.txt</prop>'
            '<seg>%s</seg></tuv></tu>' % (i, lang, lang, text))
    tmx = os.path.join(work, "scripts.tmx")
    with open(tmx, "w", encoding="utf-8") as f:
        f.write(SCRIPTS_TMX % "\n".join(units))
    page = os.path.join(work, "scripts.html")
    r = run([args.align, "review", tmx, "-o", page])
    check(r.returncode == 0, "align review on five scripts")
    with review_browser.Browser() as b:
        b.open(page)
        d = b.driver
        check(b.console_errors() == [], "no console errors")
        got = d.execute_script(
            "return Array.from(document.querySelectorAll('[data-tuid]'))"
            ".map(function (row) { var s = row.querySelector('.seg.src'),"
            " t = row.querySelector('.seg.tgt'); return [t.lang,"
            " t.getAttribute('dir'), getComputedStyle(t).direction,"
            " getComputedStyle(s).direction, t.textContent]; })")
        for (lang, text), (tl, attr, tdir, sdir, shown) in zip(SCRIPTS, got):
            want = "rtl" if lang in ("ar", "he") else "ltr"
            check(tl == lang and attr == "auto" and tdir == want and
                  sdir == "ltr" and shown == text,
                  "%s: lang=%s dir=%s, shown %s, text intact" % (
                      lang, tl, attr, tdir))
        # Case-insensitive search beyond ASCII.
        d.find_element("id", "search").send_keys("\u041c\u0406\u0421\u0422")
        time.sleep(0.6)
        check(visible_units(d) == 1, "searching 'МІСТ' finds 'Міст'")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("case", choices=["flow", "stories", "xss", "scripts"])
    parser.add_argument("--align", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--shared", default="")
    args = parser.parse_args()
    review_browser.skip_unless_available()
    work = tempfile.mkdtemp(prefix="review-test-")
    try:
        {"flow": case_flow, "stories": case_stories, "xss": case_xss,
         "scripts": case_scripts}[args.case](args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
