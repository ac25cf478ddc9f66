"""One accessibility check used by every browser test."""

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def assert_accessible(page, *, context: str = "") -> None:
    """Run axe-core on the page once it has loaded; fail with every violation listed."""
    # A click that navigates returns once the new document is committed, before its
    # stylesheets have loaded; axe would then judge colours without our CSS (white text
    # on no background) and fail at random. Wait for the page's own load event first.
    page.wait_for_load_state("load")
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
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


def check_at_widths(page, widths, *, context: str = "") -> None:
    for viewport in widths:
        page.set_viewport_size(viewport)
        where = f"{context or page.url} @ {viewport['width']}px"
        assert_accessible(page, context=where)
        assert_no_sideways_scroll(page, context=where)
