"""What the browser gates measure in a loaded page, each finding a line that names
the element (a short selector path and the start of its HTML)."""

from pathlib import Path

import axe_playwright_python
from playwright.sync_api import Page

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(
    encoding="utf-8"
)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# `describe(el)`: "main#noi-dung > table.awards <table class=…" for messages.
DESCRIBE = """
const describe = (el) => {
  const parts = [];
  for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
    let part = e.tagName.toLowerCase();
    if (e.id) { parts.unshift(part + '#' + e.id); break; }
    if (e.classList.length) part += '.' + [...e.classList].join('.');
    parts.unshift(part);
  }
  return parts.join(' > ') + '  ' + el.outerHTML.slice(0, 100).replace(/\\s+/g, ' ');
};
"""

# Elements of `within` sticking out to the right of `limit` (px, page
# coordinates), except inside a container that scrolls or clips them; only the
# outermost of each sticking-out subtree is named.
OVERFLOWING = (
    "([limit, within]) => {"
    + DESCRIBE
    + """
  const clipped = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const out = [];
  const sticking = new Set();
  for (const el of document.querySelectorAll(within + ' *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right + window.scrollX <= limit + 1 || clipped(el)) continue;
    sticking.add(el);
    if (!sticking.has(el.parentElement)) out.push(Math.round(box.right) + 'px: ' + describe(el));
  }
  return out;
}"""
)

# Headings whose text is wider than their box (cut off or spilling out).
CLIPPED_HEADINGS = (
    "() => {"
    + DESCRIBE
    + """
  return [...document.querySelectorAll('main :is(h1, h2, h3):not(.visually-hidden)')]
    .filter((h) => h.scrollWidth > h.clientWidth + 1 || h.scrollHeight > h.clientHeight + 1)
    .map(describe);
}"""
)


# Numbers the controls a keyboard user must reach, in document order, and
# records from then on each element that gets focus and whether it shows it.
WATCH_FOCUS = (
    "() => {"
    + DESCRIBE
    + """
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    return (box.width > 0 || box.height > 0) && getComputedStyle(el).visibility !== 'hidden';
  };
  const controls = [...document.querySelectorAll(
    'a[href], area[href], button, input, select, textarea, summary, [tabindex]'
  )].filter((el) => !el.disabled && el.tabIndex >= 0 && !el.closest('[hidden], [inert]')
                    && shown(el));
  controls.forEach((el, i) => { el.dataset.control = i; });
  window.focusLog = [];
  document.addEventListener('focusin', (event) => {
    const el = event.target;
    const style = getComputedStyle(el);
    window.focusLog.push({
      control: el.dataset.control === undefined ? null : Number(el.dataset.control),
      visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
               || style.boxShadow !== 'none',
      element: describe(el),
    });
  });
  return controls.map(describe);
}"""
)


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations, one line per element."""
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']}: {' '.join(node['target'])}  {node['html'][:120]}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


def overflowing(page: Page, limit: float, within: str = "body") -> list[str]:
    return page.evaluate(OVERFLOWING, [limit, within])


def clipped_headings(page: Page) -> list[str]:
    return page.evaluate(CLIPPED_HEADINGS)


def report(url: str, findings: list[str], what: str) -> str:
    """An assertion message: the page, what is wrong, then one line per element."""
    return f"{url}: {what}:\n  " + "\n  ".join(findings)


def tab_through(page: Page) -> tuple[list[str], list[dict]]:
    """Press Tab past every control; (the controls, what got focus in turn)."""
    controls = page.evaluate(WATCH_FOCUS)
    for _ in range(len(controls) + 1):
        page.keyboard.press("Tab")
    return controls, page.evaluate("window.focusLog")
