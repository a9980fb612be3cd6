"""Headless Chromium for the review page's tests, benchmark and screenshot.

Debian's chromium + chromium-driver + python3-selenium, run by
/usr/bin/python3 (scripts/setup.sh installs them). Every run gets a fresh
profile, no network services, and a download folder.
"""
import os
import shutil
import sys
import tempfile

SKIP = 77  # ctest's SKIP_RETURN_CODE for these scripts

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def skip_unless_available():
    """Exits with SKIP, saying why, when the browser or Selenium is absent."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.path.exists(p)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("python3-selenium")
    if missing:
        print("SKIP: %s not installed (apt-get install chromium chromium-driver "
              "python3-selenium, or bash scripts/setup.sh): skipping this "
              "browser test" % ", ".join(missing))
        sys.exit(SKIP)


class Browser:
    """A headless Chromium driven by chromedriver; use as a context manager."""

    def __init__(self, width=1400, height=1000):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="review-chromium-")
        self.downloads = tempfile.mkdtemp(prefix="review-downloads-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in ("--headless", "--no-sandbox", "--disable-gpu",
                     "--disable-quic", "--no-first-run",
                     "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--user-data-dir=" + self.profile,
                     "--window-size=%d,%d" % (width, height)):
            options.add_argument(flag)
        options.add_experimental_option("prefs", {
            "download.default_directory": self.downloads,
            "download.prompt_for_download": False,
            "download.directory_upgrade": True,
            "safebrowsing.enabled": False,
        })
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER),
                                       options=options)
        # Headless Chromium refuses downloads unless told where they go.
        self.driver.execute_cdp_cmd("Page.setDownloadBehavior", {
            "behavior": "allow", "downloadPath": self.downloads})

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)
            shutil.rmtree(self.downloads, ignore_errors=True)

    def open(self, path, timeout=120):
        """Opens a local file and waits until the page has built every row."""
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver.get("file://" + os.path.abspath(path))
        WebDriverWait(self.driver, timeout).until(
            lambda d: d.execute_script(
                "return document.body.getAttribute('data-ready')") == "true")

    def console_errors(self):
        """Console messages at level SEVERE since the last call."""
        return [e for e in self.driver.get_log("browser")
                if e.get("level") == "SEVERE"]
