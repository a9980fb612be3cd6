"""The review page as an alignment editor, in a real browser (headless
Chromium, Selenium).

  /usr/bin/python3 tests/review/review_editor_browser_test.py CASE \
      --align BUILD/tools/align --source-dir REPO [--shared ../shared]

CASE is one of:
  defects    decisions never leak between two memories of tuid-less units
             (browser storage keyed by the memory's content), --apply
             refuses decisions made for another memory, and tuids named
             __proto__, constructor and toString survive export and --apply
  frictions  the first card's Accept and Reject are not covered by the
             sticky bars once scrolled into view (elementFromPoint), the
             current card stays below them after j, the first key press on a
             fresh page acts, a card names its source and target in full
  docview    the document view shows every segment `align split` gives for
             both articles, with data-side and data-index, boilerplate
             greyed, a link per unit; `align review` shows it when the
             articles can be read and says why not when they cannot
  editing    pair two unpaired sentences, unpair, merge two 1-1 units into
             a 2-2 unit, split it, correct a text (mouse and keys); export,
             `align review --apply`: the TMX holds what was done (x-review
             added, merged, split), --keep accepted keeps only accepted and
             made units; every output is valid against the TMX DTD
  realign    a drifted alignment: the reviewer fixes one link, --realign
             moves the neighbouring units back; and a link fixed against the
             aligner's choice stays, with no unit crossing it
Exits 0 on success, 1 on failure, 77 (skip) when the browser is absent.
"""
import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import review_browser  # noqa: E402
import review_page_browser_test as common  # noqa: E402

WORK = [tempfile.gettempdir()]  # the test's folder, set by main()
check = common.check
run = common.run
dtd_valid = common.dtd_valid
no_outside_requests = common.no_outside_requests

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1"
 segtype="sentence" o-tmf="test" adminlang="en" srclang="en"
 datatype="plaintext" creationdate="20250314T103000Z"/><body>
%s
</body></tmx>
"""


def tmx_unit(tuid, src, tgt):
    attr = ' tuid="%s"' % tuid if tuid else ""
    return ('<tu%s><prop type="x-score">0.9</prop>'
            '<tuv xml:lang="en"><seg>%s</seg></tuv>'
            '<tuv xml:lang="uk"><seg>%s</seg></tuv></tu>' % (attr, src, tgt))


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def read_units(tmx):
    """[(tuid, props, [segment texts], [x-document per tuv])]."""
    units = []
    for tu in ET.parse(tmx).getroot().iter("tu"):
        props = {p.get("type"): p.text for p in tu.findall("prop")}
        segs = ["".join(t.find("seg").itertext()) for t in tu.findall("tuv")]
        docs = [(t.find("prop[@type='x-document']").text
                 if t.find("prop[@type='x-document']") is not None else None)
                for t in tu.findall("tuv")]
        units.append((tu.get("tuid"), props, segs, docs))
    return units


def positions(props):
    """({src ids}, {tgt ids}) of an x-position prop."""
    out = []
    for side in ("src", "tgt"):
        m = re.search(r"(?:^| )%s p\d+:s([\d,]+)" % side,
                      props.get("x-position", ""))
        out.append(tuple(int(x) for x in m.group(1).split(",")) if m else ())
    return out[0], out[1]


def export(b, name="decisions.json"):
    """Presses the export button; returns the JSON and a copy's path."""
    b.driver.find_element("css selector", '[data-action="export"]').click()
    path = common.wait_for_download(b.downloads, "decisions.json")
    if path is None:
        check(False, "export downloaded decisions.json")
        return {}, None
    keep = os.path.join(WORK[0], name)
    shutil.move(path, keep)
    with open(keep, encoding="utf-8") as f:
        return json.load(f), keep


def apply(args, decisions, tmx, out, *extra):
    return run([args.align, "review", "--apply", decisions, tmx, "-o", out] +
               list(extra))


def click_action(d, row, action):
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    row.find_element("css selector", '[data-action="%s"]' % action).click()


# ---------------------------------------------------------------- defects --

def case_defects(args, work):
    # Two memories of three units without tuids: ids #1..#3 on both.
    a = write(os.path.join(work, "a.tmx"), TMX % "\n".join(
        tmx_unit("", "Alpha %d." % i, "Альфа %d." % i) for i in range(3)))
    b_tmx = write(os.path.join(work, "b.tmx"), TMX % "\n".join(
        tmx_unit("", "Beta %d." % i, "Бета %d." % i) for i in range(3)))
    pages = []
    for t in (a, b_tmx):
        page = t[:-4] + ".html"
        r = run([args.align, "review", t, "-o", page])
        check(r.returncode == 0, "align review %s" % os.path.basename(t))
        pages.append(page)
    with review_browser.Browser() as b:
        d = b.driver
        b.open(pages[0])
        rows = d.find_elements("css selector", "[data-tuid]")
        click_action(d, rows[0], "reject")
        click_action(d, rows[1], "reject")
        exported_a, path_a = export(b, "a.json")
        check(exported_a.get("decisions") == {"#1": "reject", "#2": "reject"},
              "memory A: two rejections exported")
        # The same browser (same storage) opens memory B.
        b.open(pages[1])
        judged = d.execute_script(
            "return document.querySelectorAll('.is-reject, .is-accept')"
            ".length")
        check(judged == 0, "memory B's page shows none of A's decisions "
              "(%d shown)" % judged)
        progress = d.find_element("id", "progress-text").text
        check(progress.startswith("0 of 3"),
              "memory B starts with no decision: %s" % progress)
        exported_b, path_b = export(b, "b.json")
        check(exported_b.get("decisions") == {},
              "memory B exports no decision: %s" % exported_b.get("decisions"))
    if path_a:
        out = os.path.join(work, "b-reviewed.tmx")
        r = apply(args, path_a, b_tmx, out)
        check(r.returncode != 0 and "another memory" in r.stderr and
              not os.path.exists(out),
              "--apply refuses A's decisions for B (exit %d): %s"
              % (r.returncode, r.stderr.strip()))
        r = apply(args, path_a, a, os.path.join(work, "a-reviewed.tmx"))
        check(r.returncode == 0 and
              len(read_units(os.path.join(work, "a-reviewed.tmx"))) == 1,
              "--apply takes A's decisions for A: one unit left")

    # tuids that are names of Object.prototype's members.
    names = ["__proto__", "constructor", "toString", "plain"]
    tmx = write(os.path.join(work, "proto.tmx"), TMX % "\n".join(
        tmx_unit(n, "Sentence %s." % n, "Речення %s." % n) for n in names))
    page = os.path.join(work, "proto.html")
    check(run([args.align, "review", tmx, "-o", page]).returncode == 0,
          "align review proto.tmx")
    with review_browser.Browser() as b:
        d = b.driver
        b.open(page)
        for row in d.find_elements("css selector", "[data-tuid]"):
            click_action(d, row, "reject")
        shown = d.execute_script(
            "return document.querySelectorAll('.unit.is-reject').length")
        check(shown == 4, "4 units rejected on the page")
        exported, path = export(b)
        got = exported.get("decisions", {})
        check(sorted(got) == sorted(names) and
              all(v == "reject" for v in got.values()),
              "decisions.json holds the 4 rejections: %s" % got)
        check(b.console_errors() == [], "no console errors")
    if path:
        out = os.path.join(work, "proto-reviewed.tmx")
        r = apply(args, path, tmx, out)
        check(r.returncode == 0 and read_units(out) == [],
              "--apply leaves out the 4 rejected units (%s)"
              % r.stderr.strip())
        check(dtd_valid(out, args.shared), "the reviewed TMX is valid")


# -------------------------------------------------------------- frictions --

def aligned_pair(args, work, name="en-uk"):
    corpus = os.path.join(args.source_dir, "corpora", "dniester-bridge")
    src = os.path.join(corpus, "kyiv-ledger.en.txt")
    tgt = os.path.join(corpus, "kyiv-ledger.uk.txt")
    tmx = os.path.join(work, name + ".tmx")
    page = os.path.join(work, name + ".html")
    r = run([args.align, src, tgt, "-o", tmx, "--review", page,
             "--date", "2025-03-14"])
    check(r.returncode == 0 and os.path.exists(page),
          "align SRC TGT -o OUT.tmx --review PAGE.html")
    return src, tgt, tmx, page


def uncovered(d, element):
    """Whether the element's centre is its own (not under another)."""
    return d.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "var e = document.elementFromPoint(r.left + r.width / 2,"
        " r.top + r.height / 2);"
        "return e === arguments[0] || arguments[0].contains(e);", element)


def case_frictions(args, work):
    src, tgt, tmx, page = aligned_pair(args, work)
    with review_browser.Browser() as b:
        d = b.driver
        b.open(page)
        # The first key press on a fresh page acts: a accepts the first unit.
        d.find_element("tag name", "body").send_keys("a")
        first = d.find_elements("css selector", "[data-tuid]")[0]
        check("is-accept" in first.get_attribute("class"),
              "the first key press (a) accepts the first unit")
    with review_browser.Browser() as b:
        d = b.driver
        b.open(page)
        rows = d.find_elements("css selector", "[data-tuid]")
        d.execute_script("arguments[0].scrollIntoView()", rows[0])
        for action in ("accept", "reject"):
            button = rows[0].find_element("css selector",
                                          '[data-action="%s"]' % action)
            check(uncovered(d, button),
                  "the first card's %s button is not covered after "
                  "scrolling it into view" % action)
        rows[0].find_element("css selector", '[data-action="reject"]').click()
        check("is-reject" in rows[0].get_attribute("class"),
              "a click on the first card's Reject rejects it")
        # j moves on; the current card is below the sticky bars.
        body = d.find_element("tag name", "body")
        for _ in range(6):
            body.send_keys("j")
        d.execute_script("arguments[0].scrollIntoView()", d.find_element(
            "css selector", ".unit.current"))
        current = d.find_element("css selector", ".unit.current")
        bar_bottom = d.execute_script(
            "return document.getElementById('toolbar')"
            ".getBoundingClientRect().bottom")
        top = d.execute_script(
            "return arguments[0].getBoundingClientRect().top", current)
        check(top >= bar_bottom,
              "the current card starts below the filter bar (%.0f >= %.0f)"
              % (top, bar_bottom))
        # Every card names its source and target in full.
        docs = rows[0].find_elements("css selector", ".docs .doc")
        texts = [e.text for e in docs]
        check(len(docs) == 2 and texts[0] == os.path.basename(src) and
              texts[1].endswith(os.path.basename(tgt)),
              "the card names source and target: %s" % texts)
        clipped = d.execute_script(
            "return Array.from(arguments[0].querySelectorAll('.doc'))"
            ".some(e => e.scrollWidth > e.clientWidth + 1)", rows[0])
        check(not clipped, "neither name is cut short")
        check(b.console_errors() == [], "no console errors")
        no_outside_requests(d)


# ---------------------------------------------------------------- docview --

def split_segments(args, article):
    r = run([args.align, "split", "--format", "jsonl", article])
    return [json.loads(line) for line in r.stdout.splitlines() if line.strip()]


def shown_segments(d, side):
    return d.execute_script(
        "return Array.from(document.querySelectorAll("
        "'#doc-pair-view .sent[data-side=\"%s\"]')).map(e => ["
        "+e.getAttribute('data-index'), e.textContent, "
        "e.getAttribute('data-kind'), getComputedStyle(e).color])" % side)


def case_docview(args, work):
    src, tgt, tmx, page = aligned_pair(args, work)
    review = os.path.join(work, "review.html")
    check(run([args.align, "review", tmx, "-o", review]).returncode == 0,
          "align review IN.tmx -o PAGE.html")
    units = read_units(tmx)
    expected = {"src": split_segments(args, src),
                "tgt": split_segments(args, tgt)}
    with review_browser.Browser() as b:
        d = b.driver
        for p in (page, review):
            b.open(p)
            for side in ("src", "tgt"):
                got = shown_segments(d, side)
                want = expected[side]
                check(len(got) == len(want) and len(want) > 10,
                      "%s: %s shows %d segments, align split gives %d"
                      % (os.path.basename(p), side, len(got), len(want)))
                check([g[0] for g in got] == list(range(len(want))),
                      "data-index counts 0.. in align split order")
                check(all(" ".join(w["text"].split()) == g[1]
                          for g, w in zip(got, want)),
                      "each segment's text is align split's")
                check(all(w["kind"] == g[2] for g, w in zip(got, want)),
                      "each segment's kind is align split's")
                normal = [g[3] for g in got if g[2] == "sentence"]
                boiler = [g[3] for g in got if g[2] == "boilerplate"]
                check(all(c not in normal for c in boiler),
                      "boilerplate (%d) is greyed" % len(boiler))
            links = d.execute_script(
                "return document.querySelectorAll('svg.doclinks path')"
                ".length")
            check(links == len(units), "%d links drawn for %d units"
                  % (links, len(units)))
            check(b.console_errors() == [], "no console errors")
            no_outside_requests(d)
        # The articles cannot be read: the page says why it shows units only.
        moved = os.path.join(work, "moved.tmx")
        text = open(tmx, encoding="utf-8").read()
        write(moved, text.replace(src, os.path.join(work, "gone.en.txt")))
        page2 = os.path.join(work, "moved.html")
        check(run([args.align, "review", moved, "-o", page2]).returncode == 0,
              "align review of a memory whose article is gone")
        b.open(page2)
        note = d.execute_script(
            "var n = document.getElementById('docview-note');"
            " return n ? n.textContent : ''")
        check("gone.en.txt" in note and "cannot be read" in note and
              not d.find_elements("css selector", ".sent"),
              "no document view, and the page says why: %s" % note)


# ---------------------------------------------------------------- editing --

def sent(d, side, index):
    return d.find_element(
        "css selector",
        '#doc-pair-view .sent[data-side="%s"][data-index="%d"]'
        % (side, index))


def press(d, element, *keys):
    d.execute_script("arguments[0].scrollIntoView({block: 'center'});"
                     " arguments[0].focus()", element)
    for k in keys:
        element.send_keys(k)


def doc_button(d, action):
    button = d.find_element("css selector",
                            '#docview [data-action="%s"]' % action)
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()


def click_sent(d, side, index):
    e = sent(d, side, index)
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", e)
    e.click()


def one_to_one_runs(units):
    """Units (in source order) as (tuid, src ids, tgt ids) for the 1-1 ones
    followed by another 1-1 unit right after them on both sides."""
    spans = sorted((positions(p) + (t,)) for t, p, _, _ in units)
    out = []
    for a, b in zip(spans, spans[1:]):
        if (len(a[0]) == len(a[1]) == len(b[0]) == len(b[1]) == 1 and
                b[0][0] == a[0][0] + 1 and b[1][0] == a[1][0] + 1):
            out.append((a[2], a[0][0], a[1][0], b[2], b[0][0], b[1][0]))
    return out


def case_editing(args, work):
    src, tgt, tmx, page = aligned_pair(args, work)
    units = read_units(tmx)
    segs = {"src": split_segments(args, src), "tgt": split_segments(args, tgt)}
    linked = {"src": set(), "tgt": set()}
    for _, props, _, _ in units:
        s, t = positions(props)
        linked["src"].update(s)
        linked["tgt"].update(t)
    free = {side: [i for i, g in enumerate(segs[side])
                   if i not in linked[side] and g["kind"] != "boilerplate"]
            for side in ("src", "tgt")}
    runs = one_to_one_runs(units)
    check(runs, "the memory has neighbouring 1-1 units")
    with review_browser.Browser() as b:
        d = b.driver
        b.open(page)
        # Pair two unpaired sentences (by mouse); when the aligner left none
        # unpaired on a side, unpair a unit (by keyboard: x) to free one.
        freed = None
        if not free["src"] or not free["tgt"]:
            freed = runs[-1][0]
            s0, t0 = runs[-1][1], runs[-1][2]
            press(d, sent(d, "src", s0), " ", "x")
            free = {"src": [s0], "tgt": [t0]}
        ps, pt = free["src"][0], free["tgt"][0]
        click_sent(d, "src", ps)
        click_sent(d, "tgt", pt)
        doc_button(d, "pair")
        check("made" in sent(d, "src", ps).get_attribute("class") and
              "made" in sent(d, "tgt", pt).get_attribute("class"),
              "the two sentences are linked (src %d, tgt %d)" % (ps, pt))
        paired, path = export(b, "pair.json")
        op = paired.get("operations", [{}])[-1]
        made = op.get("add", [{}])[0]
        check(op.get("op") == "pair" and made.get("src") == [ps] and
              made.get("tgt") == [pt], "the export records the pair: %s" % op)
        out = os.path.join(work, "paired.tmx")
        r = apply(args, path, tmx, out)
        check(r.returncode == 0, "--apply the pair: %s" % r.stderr.strip())
        got = {t: (p, s) for t, p, s, _ in read_units(out)}
        check(made.get("id") in got and
              got[made["id"]][0].get("x-review") == "added" and
              positions(got[made["id"]][0]) == ((ps,), (pt,)) and
              got[made["id"]][1] == [" ".join(segs["src"][ps]["text"].split()),
                                     " ".join(segs["tgt"][pt]["text"].split())],
              "the new unit is in the TMX with x-review=added, its position"
              " and the two sentences")
        check(dtd_valid(out, args.shared), "the TMX with the pair is valid")

        # Correct the new unit's target by keyboard: t, type, Enter.
        press(d, sent(d, "src", ps), " ", "t")
        field = d.find_element("css selector", "#link-editor textarea.tgt")
        field.send_keys(review_browser_keys().CONTROL, "a")
        field.send_keys("Виправлений текст.")
        field.send_keys(review_browser_keys().ENTER)
        edited, path = export(b, "edit.json")
        out = os.path.join(work, "edited.tmx")
        r = apply(args, path, tmx, out)
        got = {t: (p, s) for t, p, s, _ in read_units(out)}
        check(r.returncode == 0 and made["id"] in got and
              got[made["id"]][1][1] == "Виправлений текст.",
              "the corrected text is in the TMX")
        check(dtd_valid(out, args.shared), "the corrected TMX is valid")

        # Unpair a unit (mouse), merge two 1-1 units (mouse), split the 2-2
        # unit again (keyboard).
        first = runs[0]
        busy = {first[0], first[3], freed}
        un = [r_ for r_ in runs if r_[0] not in busy and r_[3] not in busy and
              r_[1] != ps]
        unpaired = un[len(un) // 2][0] if un else None
        if unpaired:
            click_sent(d, "src", un[len(un) // 2][1])
            doc_button(d, "unpair")
        click_sent(d, "src", first[1])
        doc_button(d, "merge")
        merged_file, path = export(b, "merge.json")
        merge_op = [o for o in merged_file.get("operations", [])
                    if o.get("op") == "merge"]
        check(len(merge_op) == 1 and
              merge_op[0]["remove"] == [first[0], first[3]],
              "the export records the merge of the two units")
        out = os.path.join(work, "merged.tmx")
        r = apply(args, path, tmx, out)
        after = read_units(out)
        ids = [u[0] for u in after]
        mid = merge_op[0]["add"][0]["id"] if merge_op else None
        m = [u for u in after if u[0] == mid]
        check(r.returncode == 0 and len(m) == 1 and
              m[0][1].get("x-bead") == "2-2" and
              m[0][1].get("x-review") == "merged" and
              positions(m[0][1]) == ((first[1], first[4]),
                                     (first[2], first[5])) and
              first[0] not in ids and first[3] not in ids,
              "the two 1-1 units became one 2-2 unit (x-review merged)")
        check(unpaired is None or unpaired not in ids,
              "the unpaired unit is gone")
        check(len(after) == len(units) + 1 - (1 if freed else 0) - 2 + 1 -
              (1 if unpaired else 0),
              "every other unit is kept (%d units)" % len(after))
        check(dtd_valid(out, args.shared), "the merged TMX is valid")

        press(d, sent(d, "src", first[4]), " ")
        press(d, sent(d, "tgt", first[5]), " ", "s")
        split_file, path = export(b, "split.json")
        split_op = [o for o in split_file.get("operations", [])
                    if o.get("op") == "split"]
        out = os.path.join(work, "split.tmx")
        r = apply(args, path, tmx, out)
        after = read_units(out)
        parts = [u for u in after if u[1].get("x-review") == "split"]
        check(r.returncode == 0 and len(split_op) == 1 and len(parts) == 2 and
              sorted(positions(u[1]) for u in parts) ==
              [((first[1],), (first[2],)), ((first[4],), (first[5],))],
              "the 2-2 unit split into its two 1-1 units (x-review split)")
        check(dtd_valid(out, args.shared), "the split TMX is valid")

        # --keep accepted: accept two units on their cards.
        rows = d.find_elements("css selector", "[data-tuid]")
        accepted = []
        for row in rows:
            t = row.get_attribute("data-tuid")
            if t in (first[0], first[3], unpaired, freed) or len(accepted) == 2:
                continue
            click_action(d, row, "accept")
            accepted.append(t)
        kept_file, path = export(b, "keep.json")
        out = os.path.join(work, "kept.tmx")
        r = apply(args, path, tmx, out, "--keep", "accepted")
        after = read_units(out)
        reviews = sorted(u[1].get("x-review") for u in after)
        check(r.returncode == 0 and
              sorted(u[0] for u in after
                     if u[1].get("x-review") == "accepted") ==
              sorted(accepted) and
              reviews == sorted(["accepted", "accepted", "added", "split",
                                 "split"]),
              "--keep accepted keeps the 2 accepted and the 3 made units: %s"
              % reviews)
        check(dtd_valid(out, args.shared), "the kept TMX is valid")
        check(b.console_errors() == [], "no console errors")
        no_outside_requests(d)


def review_browser_keys():
    from selenium.webdriver.common.keys import Keys
    return Keys


# ---------------------------------------------------------------- realign --

def drifted_memory(args, work, src, tgt, tmx):
    """The memory with a run of 1-1 units drifted by one target sentence
    (as a length-based aligner drifts); returns its path and the run."""
    segs = {"src": split_segments(args, src), "tgt": split_segments(args, tgt)}
    tree = ET.parse(tmx)
    body = tree.getroot().find("body")
    tus = list(body)
    spans = [positions({p.get("type"): p.text for p in tu.findall("prop")})
             for tu in tus]
    # The longest run of consecutive 1-1 units.
    best, start = (0, 0), 0
    for k in range(1, len(spans) + 1):
        ok = (k < len(spans) and len(spans[k][0]) == len(spans[k][1]) == 1 and
              len(spans[k - 1][0]) == len(spans[k - 1][1]) == 1 and
              spans[k][0][0] == spans[k - 1][0][0] + 1 and
              spans[k][1][0] == spans[k - 1][1][0] + 1)
        if not ok:
            best = max(best, (k - start, start))
            start = k
    length, first = best
    check(length >= 4, "a run of %d neighbouring 1-1 units to drift" % length)
    run_ = list(range(first, first + length))
    for k in run_[:-1]:
        t = spans[k + 1][1][0]
        tu = tus[k]
        seg = tu.findall("tuv")[1].find("seg")
        seg.text = " ".join(segs["tgt"][t]["text"].split())
        for p in tu.findall("prop"):
            if p.get("type") == "x-position":
                p.text = re.sub(r"tgt p(\d+):s\d+",
                                "tgt p%d:s%d" % (segs["tgt"][t]["paragraph"],
                                                 t), p.text)
        tu.set("tuid", "drift-%d" % k)
    body.remove(tus[run_[-1]])
    out = os.path.join(work, "drifted.tmx")
    tree.write(out, encoding="UTF-8", xml_declaration=True)
    return out, [spans[k] for k in run_]


def case_realign(args, work):
    src, tgt, tmx, _ = aligned_pair(args, work)
    drifted, truth = drifted_memory(args, work, src, tgt, tmx)
    page = os.path.join(work, "drifted.html")
    check(run([args.align, "review", drifted, "-o", page]).returncode == 0,
          "align review of the drifted memory")
    (s0,), (t0,) = truth[0]
    with review_browser.Browser() as b:
        d = b.driver
        b.open(page)
        check(d.find_elements("css selector", ".sent"),
              "the drifted memory has its document view")
        # Fix the first drifted link: unpair it, pair src s0 with tgt t0.
        click_sent(d, "src", s0)
        doc_button(d, "unpair")
        click_sent(d, "src", s0)
        click_sent(d, "tgt", t0)
        doc_button(d, "pair")
        _, path = export(b, "fix.json")
    out = os.path.join(work, "fixed.tmx")
    r = apply(args, path, drifted, out)
    plain = {positions(u[1]) for u in read_units(out)}
    r = apply(args, path, drifted, out + ".re.tmx", "--realign")
    check(r.returncode == 0, "--apply --realign: %s" % r.stderr.strip())
    after = read_units(out + ".re.tmx")
    spans = {positions(u[1]): u[1] for u in after}
    neighbours = truth[1:]
    moved = [n for n in neighbours if n in spans and n not in plain]
    check(((s0,), (t0,)) in spans and
          spans[((s0,), (t0,))].get("x-review") == "added",
          "the fixed link is kept (x-review added)")
    check(len(moved) == len(neighbours) and
          all(spans[n].get("x-review") == "realigned" for n in moved),
          "--realign moved the %d neighbouring units back (%d moved)"
          % (len(neighbours), len(moved)))
    check(dtd_valid(out + ".re.tmx", args.shared), "the realigned TMX is valid")

    # A link fixed against the aligner's choice (src i with tgt j+1, where it
    # paired i-j and i+1 - j+1): --realign keeps it and no unit crosses it.
    units = read_units(tmx)
    runs = one_to_one_runs(units)
    a = runs[len(runs) // 2]
    ref = os.path.join(work, "en-uk.html")
    with review_browser.Browser() as b:
        d = b.driver
        b.open(ref)
        for s in (a[1], a[4]):
            click_sent(d, "src", s)
            doc_button(d, "unpair")
        click_sent(d, "src", a[1])
        click_sent(d, "tgt", a[5])
        doc_button(d, "pair")
        _, path = export(b, "shift.json")
    out = os.path.join(work, "shifted.tmx")
    r = apply(args, path, tmx, out, "--realign")
    after = read_units(out)
    spans = [positions(u[1]) for u in after]
    check(r.returncode == 0 and ((a[1],), (a[5],)) in spans,
          "the fixed link src %d - tgt %d is kept" % (a[1], a[5]))
    crossing = [sp for sp in spans if sp != ((a[1],), (a[5],)) and sp[0] and
                sp[1] and ((min(sp[0]) <= a[1]) != (min(sp[1]) <= a[5]) or
                           a[1] in sp[0] or a[5] in sp[1])]
    check(not crossing, "no unit crosses it: %s" % crossing)
    check(dtd_valid(out, args.shared), "the realigned TMX is valid")


def main():
    parser = argparse.ArgumentParser()
    cases = {"defects": case_defects, "frictions": case_frictions,
             "docview": case_docview, "editing": case_editing,
             "realign": case_realign}
    parser.add_argument("case", choices=sorted(cases))
    parser.add_argument("--align", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--shared", default="")
    args = parser.parse_args()
    review_browser.skip_unless_available()
    work = tempfile.mkdtemp(prefix="review-editor-test-")
    WORK[0] = work
    try:
        cases[args.case](args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if common.FAILURES:
        print("%d check(s) failed" % len(common.FAILURES))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
