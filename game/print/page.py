"""The HTML page both printed documents are: head, style sheets, file writing."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from game.session.files import write_atomic


@lru_cache(maxsize=None)
def style(name: str) -> str:
    """A style sheet beside this module (`print.css`, `guide.css`, `deck.css`)."""
    return Path(__file__).with_name(name).read_text(encoding="utf-8")


def document(lang_code: str, title: str, css: str, body: str) -> str:
    """A whole page; `title` is already escaped, `css` the page's style sheets."""
    return ("<!DOCTYPE html>\n"
            f"<html lang=\"{lang_code}\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{title}</title>\n<style>\n{css}</style>\n</head>\n"
            f"<body>\n{body}</body>\n</html>\n")


def write_page(path: Path, html: str) -> None:
    """Write the page at once (OSError when it cannot be written)."""
    write_atomic(Path(path), html.encode("utf-8"))
