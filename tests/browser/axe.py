"""One accessibility check used by every browser test."""

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def assert_accessible(page, *, context: str = "") -> None:
    """Run axe-core on the page once it has loaded; fail with every violation listed."""
    # A click that navigates returns once the new document is committed, before its
    # stylesheets have loaded; axe would then judge colours without our CSS (white text
    # on no background) and fail at random. Wait for the page's own load event first.
    page.wait_for_load_state("load")
    # Only violations are gathered in full (axe's own default, which options replace):
    # the passes of a long admin page were otherwise collected node by node and sent back.
    results = _axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    if violations:
        lines = [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
            for v in violations
        ]
        raise AssertionError(f"axe violations on {context or page.url}:\n" + "\n".join(lines))


def assert_no_sideways_scroll(page, *, context: str = "") -> None:
    """WCAG 1.4.10 (reflow): at 320 px nothing may need scrolling sideways. It also catches
    content parked off-screen on the wrong side in a right-to-left page."""
    scroll_width, width = page.evaluate(
        "() => [document.scrollingElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= width, f"{context}: the page is {scroll_width} px wide in {width} px"


# Every visible box, unless it is screen-reader-only text, a USWDS radio or checkbox input
# (drawn by its label), the skip link (shown on focus) or
# inside its own scrolling box (a wide table scrolls inside its wrapper).
OFF_SCREEN_JS = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".usa-sr-only, .usa-skipnav, .usa-radio__input, .usa-checkbox__input, script, style, template, option")) continue;
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    let scroller = el.parentElement;
    while (scroller && scroller !== document.body) {
      const overflow = getComputedStyle(scroller).overflowX;
      if (overflow !== "visible") break;
      scroller = scroller.parentElement;
    }
    if (scroller && scroller !== document.body) continue;
    if (box.left < -0.5 || box.right > width + 0.5) {
      const name = el.tagName.toLowerCase() + (el.className && typeof el.className === "string"
        ? "." + el.className.trim().split(/\\s+/).join(".") : "");
      found.push(`${name} [${Math.round(box.left)}..${Math.round(box.right)}]`);
    }
  }
  return found.slice(0, 8);
}"""


def assert_nothing_off_screen(page, *, context: str = "") -> None:
    """Every visible element starts and ends inside the window. In a right-to-left page a
    box pushed past the right edge (physical margins) makes no scroll bar: it is just cut."""
    scroll_x = page.evaluate("() => window.scrollX")
    assert scroll_x == 0, f"{context}: scrolled sideways by {scroll_x} px"
    found = page.evaluate(OFF_SCREEN_JS)
    assert not found, f"{context}: off-screen: {found}"


def check_at_widths(page, widths, *, context: str = "") -> None:
    for viewport in widths:
        page.set_viewport_size(viewport)
        where = f"{context or page.url} @ {viewport['width']}px"
        assert_accessible(page, context=where)
        assert_no_sideways_scroll(page, context=where)
        assert_nothing_off_screen(page, context=where)
