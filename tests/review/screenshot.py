"""Screenshot of a review page, for the README.

  /usr/bin/python3 tests/review/screenshot.py PAGE.html OUT.png [WIDTH HEIGHT]
      [--docview]

With --docview, the document view of the first article pair (a source
sentence selected), instead of the top of the page.
"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import review_browser  # noqa: E402


def main():
    review_browser.skip_unless_available()
    argv = [a for a in sys.argv[1:] if a != "--docview"]
    docview = "--docview" in sys.argv
    page, out = argv[0], argv[1]
    width = int(argv[2]) if len(argv) > 2 else 1400
    height = int(argv[3]) if len(argv) > 3 else 1000
    with review_browser.Browser(width, height) as b:
        b.open(page)
        d = b.driver
        # A reviewer at work: a few units judged, the third one current.
        rows = d.find_elements("css selector", "[data-tuid]")
        for i, action in ((0, "accept"), (1, "accept"), (2, "reject")):
            if i < len(rows):
                rows[i].find_element(
                    "css selector", '[data-action="%s"]' % action).click()
        d.execute_script("window.scrollTo(0, 0)")
        if docview:
            sentences = d.find_elements(
                "css selector", '#doc-pair-view .sent[data-side="src"]')
            if len(sentences) > 6:
                sentences[6].click()
            d.execute_script(
                "var v = document.getElementById('docview');"
                " window.scrollTo(0, v.getBoundingClientRect().top +"
                " window.scrollY - 60)")
        d.save_screenshot(out)
    print("wrote", out)


if __name__ == "__main__":
    main()
