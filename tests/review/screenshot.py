"""Screenshot of a review page, for the README.

  /usr/bin/python3 tests/review/screenshot.py PAGE.html OUT.png [WIDTH HEIGHT]
"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import review_browser  # noqa: E402


def main():
    review_browser.skip_unless_available()
    page, out = sys.argv[1], sys.argv[2]
    width = int(sys.argv[3]) if len(sys.argv) > 3 else 1400
    height = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
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
        d.save_screenshot(out)
    print("wrote", out)


if __name__ == "__main__":
    main()
