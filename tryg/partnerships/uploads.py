"""Attachments: a size cap, the type told by the file's content (magic bytes, never its name or the browser's
word), a generated name on disk, and a folder outside anything the web server serves
(`settings.PARTNERSHIPS_UPLOAD_ROOT`). Only the access-checked download view reads a file back."""

import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext as _

MAX_BYTES_DEFAULT = 10 * 1024 * 1024
OOXML = {
    "word/": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str


def max_bytes() -> int:
    return getattr(settings, "PARTNERSHIPS_UPLOAD_MAX_BYTES", MAX_BYTES_DEFAULT)


def storage() -> FileSystemStorage:
    return FileSystemStorage(location=settings.PARTNERSHIPS_UPLOAD_ROOT)


def _ooxml(uploaded) -> FileType | None:
    """A Word or Excel file: a zip archive holding [Content_Types].xml and its part folder."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        uploaded.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    for folder, (extension, content_type) in OOXML.items():
        if any(name.startswith(folder) for name in names):
            return FileType(extension, content_type)
    return None


def sniff(uploaded) -> FileType | None:
    """The file's type by its first bytes: PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx); None otherwise."""
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return FileType("pdf", "application/pdf")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileType("png", "image/png")
    if head.startswith(b"\xff\xd8\xff"):
        return FileType("jpg", "image/jpeg")
    if head.startswith(b"PK\x03\x04"):
        return _ooxml(uploaded)
    return None


def clean_name(name: str, extension: str) -> str:
    """A safe display name for Content-Disposition: no path, no control characters, the sniffed extension."""
    stem = Path(str(name).replace("\\", "/")).name
    stem = unicodedata.normalize("NFC", stem).rsplit(".", 1)[0]
    stem = re.sub(r"[^\w\s.()-]+", "_", stem).strip(" ._") or "bilag"
    return f"{stem[:100]}.{extension}"


def check(uploaded) -> FileType:
    """The file's type, or a ValidationError on the field `attachment` (too large, empty, type not allowed)."""
    if uploaded.size == 0:
        raise ValidationError({"attachment": _("Filen er tom.")})
    if uploaded.size > max_bytes():
        limit = max_bytes() // (1024 * 1024)
        raise ValidationError({"attachment": _("Filen er for stor. Den må højst fylde %(mb)s MB.") % {"mb": limit}})
    kind = sniff(uploaded)
    if kind is None:
        raise ValidationError(
            {
                "attachment": _(
                    "Filtypen er ikke tilladt. Vælg en PDF, et billede (PNG eller JPEG) "
                    "eller et Word- eller Excel-dokument."
                )
            }
        )
    return kind


def save(uploaded, kind: FileType) -> str:
    """Write the file under a generated name; return that name."""
    name = f"{uuid.uuid4().hex}.{kind.extension}"
    uploaded.seek(0)
    return storage().save(name, uploaded)


def delete(stored_name: str) -> None:
    storage().delete(stored_name)


def open_stored(stored_name: str):
    return storage().open(stored_name, "rb")


def as_file(data: bytes, name: str = "bilag"):
    """An in-memory upload (for tests and the demo)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)
