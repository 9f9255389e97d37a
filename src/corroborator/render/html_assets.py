"""The HTML report's fixed assets and its escaping helpers.

The page carries its own style sheet (no fonts, scripts or images from elsewhere) and a
Content-Security-Policy that forbids every script and every fetch: the style sheet is allowed by
its hash, pictures are inline SVG. Article text is untrusted: :func:`esc` escapes every text and
attribute value, and :func:`safe_href` lets only http(s) URLs become links.
"""

from __future__ import annotations

import base64
import hashlib
import html
from urllib.parse import urlsplit

CSS = """
:root { --ink: #1a202c; --muted: #5a6472; --line: #d8dee6; --accent: #1d3b63; --soft: #f3f6fb;
  --good: #276749; --warn: #9c4221; --bad: #9b2c2c; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
h1, h2, h3, p, li, blockquote, .side, .value { overflow-wrap: anywhere; }
td { overflow-wrap: break-word; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 64px; }
header.page { border-bottom: 3px solid var(--accent); margin-bottom: 8px; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.2em 0 0.3em; }
h2 { font-size: 1.3rem; margin: 2em 0 0.6em; padding-bottom: 4px; border-bottom: 1px solid var(--line);
  color: var(--accent); }
h3 { font-size: 1.05rem; margin: 1.2em 0 0.4em; }
.verdict { font-size: 1.1rem; font-weight: 600; margin: 0.2em 0 0.4em; }
.meta, .note, figcaption, .muted { color: var(--muted); font-size: 0.9rem; }
nav.toc { margin: 10px 0 0; font-size: 0.9rem; }
nav.toc a { margin-right: 14px; }
a { color: #1f5fa8; }
a:focus-visible { outline: 2px solid #1f5fa8; }
.badge { display: inline-block; font-size: 0.75rem; font-weight: 700; padding: 1px 7px; border-radius: 10px;
  background: #e6edf7; color: var(--accent); white-space: nowrap; vertical-align: 1px; }
.badge.s1 { background: #fdf2e9; color: var(--warn); }
.badge.s2 { background: #e9f5ee; color: var(--good); }
.badge.s3 { background: #d5efe0; color: var(--good); }
.badge.high { background: #fde8e8; color: var(--bad); }
.badge.medium { background: #fdf2e9; color: var(--warn); }
.badge.low { background: #eef1f5; color: var(--muted); }
.cite { font-size: 0.8rem; white-space: nowrap; }
.cite a { text-decoration: none; }
ol.summary li, ul.facts li { margin-bottom: 0.45em; }
.dispute { border: 1px solid var(--line); border-left: 4px solid var(--bad); border-radius: 6px;
  padding: 10px 14px; margin: 14px 0; break-inside: avoid; }
.dispute.medium { border-left-color: var(--warn); }
.dispute.low { border-left-color: #a0aec0; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; }
.side { background: var(--soft); border-radius: 6px; padding: 8px 12px; }
.side.stronger { outline: 2px solid var(--good); }
.side .value { font-size: 1.1rem; font-weight: 700; }
blockquote { margin: 6px 0; padding: 2px 10px; border-left: 3px solid var(--line); color: #2d3748;
  font-size: 0.92rem; }
.speaker { break-inside: avoid; margin-bottom: 10px; }
.speaker .who { font-weight: 700; }
.speaker .desc { font-weight: 400; color: var(--muted); font-size: 0.92rem; }
.sources td:nth-child(3) { min-width: 8.5em; }
figure { margin: 14px 0; break-inside: avoid; }
figure .pic { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 6px;
  background: #fff; }
svg { max-width: none; height: auto; }
svg a { cursor: pointer; }
svg .node:hover rect { fill: #eef4ff; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); }
.sources td.n { font-weight: 700; white-space: nowrap; }
.url { word-break: break-all; font-size: 0.82rem; }
.legend span { margin-right: 14px; }
details { margin: 6px 0; }
details summary { cursor: pointer; color: var(--accent); }
:target { background: #fff8d6; }
ul.removed li { font-size: 0.85rem; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.82rem; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav.toc, details summary::marker { display: none; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .url { color: var(--ink); }
  figure .pic { overflow: visible; border: none; }
  svg { max-width: 100%; }
  .dispute, .speaker, figure, tr { break-inside: avoid; }
  details > *:not(summary) { display: block; }
}
"""


def esc(text: object) -> str:
    """Escape for an HTML text node or a double-quoted attribute value (quotes included)."""
    return html.escape(str(text), quote=True)


def safe_href(url: str | None) -> str | None:
    """``url`` escaped for an href when it is an absolute http(s) URL without control characters,
    else None (the caller then shows it as text)."""
    if not url or any(ord(c) < 33 or c == "\x7f" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return esc(url)


def csp_hash(text: str) -> str:
    """The CSP source expression that allows an inline element with exactly this content."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(style: str) -> str:
    """No scripts, no fetches, no frames, no forms; only the page's own style sheet."""
    return (
        f"default-src 'none'; style-src {csp_hash(style)}; img-src data:; script-src 'none'; "
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"
    )
