"""Readable differences between two versions: words struck out and added, with the text escaped.

Used by the version-diff pages of the knowledge base and of the action cards. Deleted words are wrapped in
<del>, added words in <ins>, each with a visually hidden label ("slettet:", "tilføjet:") so the change is
not told by colour or line style alone.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

TOKEN_RE = re.compile(r"\s+|[^\s]+")


@dataclass
class Change:
    """One changed field: its label, the old and new value as text, and the word-level diff as HTML."""

    label: str
    old: str
    new: str
    html: SafeString


def _tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text or "")


def word_diff(old: str, new: str) -> SafeString:
    """HTML of `new` with the words removed since `old` in <del> and the words added in <ins>."""
    a, b = _tokens(old), _tokens(new)
    out = []
    removed, added = escape(_("slettet:")), escape(_("tilføjet:"))

    def marked(tag: str, label: str, words: list[str]) -> str:
        text = escape("".join(words))
        return f'<{tag}><span class="sr-only">[{label} </span>{text}<span class="sr-only">]</span></{tag}>'

    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(marked("del", removed, a[i1:i2]))
        if op in ("insert", "replace"):
            out.append(marked("ins", added, b[j1:j2]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above


def as_text(value) -> str:
    """A field value as one line of text for comparing (lists joined one item a line)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Ja") if value else _("Nej")
    if isinstance(value, (list, tuple)):
        return "\n".join(as_text(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def change(label: str, old, new) -> Change | None:
    """A Change when the values differ, else None."""
    old_text, new_text = as_text(old), as_text(new)
    if old_text == new_text:
        return None
    return Change(label=str(label), old=old_text, new=new_text, html=word_diff(old_text, new_text))
