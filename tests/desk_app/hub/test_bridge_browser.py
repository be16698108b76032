"""A real browser (Debian's headless Chromium via chromium-driver) uses the bridge.

``desk-app bridge`` runs as its own process over simulated card reader and camera and
the TCP receipt printer emulator. The test page (with the integration guide's own
``docs/device-bridge-example.js``) is served from an allowed origin: it pairs with the
code the bridge prints, reads the card, captures a page and prints a ticket. The same
page from another origin is stopped by Chromium's CORS check.
"""

from __future__ import annotations

import functools
import http.server
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.support.printer_emulator import PrinterEmulator

pytestmark = [pytest.mark.realstack, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[3]
SHOTS = Path(os.environ.get("BRIDGE_SCREENSHOT_DIR", "/tmp/counterdesk-bridge-shots"))
RUN_BRIDGE = """
import sys, keyring
from pathlib import Path
from tests.support.file_keyring import FileKeyring
keyring.set_keyring(FileKeyring(Path(sys.argv[1])))
from desk_app.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _serve(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class BridgeProcess:
    def __init__(self, root: Path, origin: str, printer_uri: str) -> None:
        config = root / "machine.toml"
        config.write_text(
            '[window]\nid = "W01"\n[devices]\nid_reader = "sim:zhang-wei"\n'
            'camera = "camera-sim:?seed=5&width=1600&height=1200&frames_per_image=5"\n'
            f'receipt_printer = "{printer_uri}"\n'
            f'[bridge]\nenabled = true\nport = 0\nallowed_origins = ["{origin}"]\n',
            encoding="utf-8")
        self.lines: queue.Queue[str] = queue.Queue()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", RUN_BRIDGE, str(root / "keyring.json"),
             "--data-root", str(root / "data"), "--config", str(config), "bridge"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        try:
            self.url = self.wait_for(r"已启动：(http://127\.0\.0\.1:\d+)")
        except BaseException:
            self.stop()
            raise

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)

    def wait_for(self, pattern: str, timeout: float = 90.0) -> str:
        seen = []
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"bridge never printed {pattern!r}: {seen}") from None
            seen.append(line)
            if match := re.search(pattern, line):
                return match.group(1)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def _chromium(*extra: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,1100",
                "--disable-dev-shm-usage", "--lang=zh-CN", *extra):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


@pytest.fixture
def chromium_here():
    if not shutil.which("chromedriver") or not shutil.which("chromium"):
        pytest.skip("chromium and chromium-driver are in installer/debian/apt-test.txt")


@pytest.fixture
def browser(chromium_here):
    driver = _chromium()
    yield driver
    driver.quit()


def _wait_text(driver, element_id: str, predicate, timeout: float = 60.0) -> str:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(
        lambda d: predicate(d.find_element("id", element_id).text))
    return driver.find_element("id", element_id).text


def test_a_paired_page_reads_captures_prints_and_another_origin_is_refused(tmp_path, browser):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(Path(__file__).with_name("bridge_page.html"), site / "index.html")
    shutil.copy(ROOT / "docs" / "device-bridge-example.js", site)
    allowed = _serve(site)
    other = _serve(site)
    allowed_origin = f"http://127.0.0.1:{allowed.server_address[1]}"
    other_origin = f"http://localhost:{other.server_address[1]}"  # same page, not allowed
    printer = PrinterEmulator()
    bridge = BridgeProcess(tmp_path, allowed_origin, printer.uri)
    try:
        browser.get(f"{allowed_origin}/index.html?bridge={bridge.url}")
        browser.find_element("id", "pair").click()
        code = bridge.wait_for(r"配对码 (\d{6})：来源 " + re.escape(allowed_origin))
        browser.find_element("id", "code").send_keys(code)
        browser.find_element("id", "confirm").click()
        assert _wait_text(browser, "result", lambda t: t != "—") == "已配对"
        browser.find_element("id", "run").click()
        result = _wait_text(browser, "result", lambda t: t in ("完成",) or t.startswith("失败"))
        SHOTS.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(SHOTS / "bridge-paired-page.png"))
        assert result == "完成", browser.find_element("id", "log").text
        assert browser.find_element("id", "name").text == "张伟"
        assert "SHA-256" in browser.find_element("id", "digest").text
        natural = browser.execute_script("return document.getElementById('page').naturalWidth")
        assert natural > 500  # the captured page really decoded as an image
        assert b"A017" in printer.wait_closed()

        # the same page from an origin the machine does not allow: CORS blocks it
        browser.get(f"{other_origin}/index.html?bridge={bridge.url}")
        browser.find_element("id", "pair").click()
        refused = _wait_text(browser, "result", lambda t: t.startswith("失败"))
        browser.save_screenshot(str(SHOTS / "bridge-other-origin.png"))
        assert "Failed to fetch" in refused  # the browser, not the page, refused it
        console = " ".join(e["message"] for e in browser.get_log("browser"))
        assert "CORS" in console or "Access-Control-Allow-Origin" in console
    finally:
        bridge.stop()
        printer.close()
        allowed.shutdown()
        other.shutdown()


PUBLIC_PAGE = """<!doctype html><meta charset="utf-8"><div id="result">—</div>
<script>
fetch("%s/v1/card/read", {method: "POST", headers: {"Content-Type": "application/json"},
      body: "{}", targetAddressSpace: "loopback"})
  .then((r) => r.json()).then((j) => { result.textContent = "answer " + j.error; })
  .catch((e) => { result.textContent = "blocked " + e; });
</script>"""


@pytest.mark.parametrize("permission", [False, True])
def test_a_public_page_needs_the_loopback_permission_then_meets_our_checks(
        tmp_path, chromium_here, permission):
    """Chromium's Local Network Access, with the page's host treated as public.

    Without the user's (or the enterprise policy's) permission the browser blocks the
    request; with it, the request reaches the bridge, which still wants pairing.
    """
    from tests.desk_app.hub.bridge_fixture import start_bridge

    site = tmp_path / "public"
    site.mkdir()
    page_server = _serve(site)
    port = page_server.server_address[1]
    origin = f"http://127.0.0.1:{port}"
    running = start_bridge(tmp_path, printer_uri="escpos-sim:", a4_uri="pdf-file:/nonexistent",
                           origins=(origin,))
    (site / "index.html").write_text(PUBLIC_PAGE % running.url, encoding="utf-8")
    # Chromium's own switch (as in its web-platform tests): this host counts as public
    driver = _chromium(f"--ip-address-space-overrides=127.0.0.1:{port}=public")
    try:
        if permission:  # what "Allow" in the prompt, or LocalNetworkAccessAllowedForUrls, gives
            driver.execute_cdp_cmd("Browser.setPermission", {
                "permission": {"name": "loopback-network"}, "setting": "granted",
                "origin": origin})
        driver.get(f"{origin}/index.html")
        text = _wait_text(driver, "result", lambda t: t != "—", timeout=30)
    finally:
        driver.quit()
        running.server.stop()
        running.hub.close()
        page_server.shutdown()
    if permission:
        assert text == "answer not_paired"  # through the browser, then our own check
    else:
        assert text.startswith("blocked TypeError")
