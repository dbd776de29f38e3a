"""`manage.py translations_check`: every Danish text of the code has its translation.

For each catalogue of the project's apps (`tryg/<app>/locale/<language>/LC_MESSAGES/django.po`: English for every
app, the citizens' languages for `public`) it runs `makemessages` in the app's folder, reads every message id the
code uses, and puts the catalogue back as it was. A message counts as translated when any of the project's compiled
catalogues of that language translates it (Django merges them at run time). Exits 1 and names each missing
message, with where it is used. Needs GNU gettext (`msgfmt`, `msgen`), as `compilemessages` does.
"""

import gettext
import os
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


@contextmanager
def _inside(folder: Path):
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _ids(mo: Path) -> set:
    with mo.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog  # noqa: SLF001 - the ids are what we need
    return {key[0] if isinstance(key, tuple) else key for key in catalogue if key}


def _used_ids(po: Path, scratch: Path) -> set:
    """Every message id of a fresh catalogue: fill each translation with its id (msgen), then compile."""
    filled, mo = scratch / "filled.po", scratch / "filled.mo"
    subprocess.run(["msgen", "-o", str(filled), str(po)], check=True)  # noqa: S603, S607
    subprocess.run(["msgfmt", "-o", str(mo), str(filled)], check=True)  # noqa: S603, S607
    return _ids(mo)


def _where(po_text: str, msgid: str) -> str:
    """The `#:` reference lines above `msgid` in a fresh catalogue, for the report."""
    lines = po_text.splitlines()
    quoted = 'msgid "' + msgid.replace("\\", "\\\\").replace('"', '\\"').split("\n")[0]
    for i, line in enumerate(lines):
        if line.startswith(quoted):
            refs = [x[3:] for x in lines[max(0, i - 6) : i] if x.startswith("#: ")]
            return " ".join(refs) or "?"
    return "?"


class Command(BaseCommand):
    help = "Check that every Danish text of the code has its translation in each language the app offers."

    def handle(self, *args, **options):
        root = Path(settings.BASE_DIR) / "tryg"
        catalogues = sorted(root.glob("*/locale/*/LC_MESSAGES/django.po"))
        translated: dict[str, set] = {}
        for po in catalogues:
            mo = po.with_suffix(".mo")
            if not mo.exists():
                raise CommandError(f"{mo} is missing: run `make compilemessages` first.")
            translated.setdefault(po.parents[1].name, set()).update(_ids(mo))
        missing = []
        with tempfile.TemporaryDirectory() as scratch:
            for po in catalogues:
                app, language = po.parents[3], po.parents[1].name
                kept = po.read_bytes()
                try:
                    with _inside(app):
                        call_command(
                            "makemessages",
                            locale=[language],
                            verbosity=0,
                            no_obsolete=True,
                            ignore_patterns=["tests/*"],
                        )
                    fresh = po.read_text(encoding="utf-8")
                    used = _used_ids(po, Path(scratch))
                finally:
                    po.write_bytes(kept)
                for msgid in sorted(used - translated[language]):
                    missing.append(f"{app.name} [{language}]: {msgid!r} ({_where(fresh, msgid)})")
        if missing:
            for line in missing:
                self.stderr.write(line)
            raise CommandError(f"{len(missing)} text(s) without a translation.")
        self.stdout.write(f"Every text has its translation in each of {len(catalogues)} catalogues.")
