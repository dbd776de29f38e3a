"""Directions between the apps (ARCHITECTURE.md): a lower app never imports, loads by name or names a URL
or template of a higher one.

core < accounts, audit < knowledge < actioncards < cases < coordination < risk < public; prevention, training
and partnerships sit beside coordination (above cases); insights reads them all. Where a lower app must
show something of a higher one, the higher app registers it in a registry of the lower one from its AppConfig.ready().

Checked over every non-test file under tryg/ (Python and templates):
- every `import` / `from … import` at any depth (function-local ones too), relative imports resolved;
- string literals naming a module (`import_module("tryg.cases.demo")`, `"tryg.cases…"`), a model
  (`"cases.Case"`) or a template (`"cases/…html"`), and module names built in f-strings (`f"tryg.{app}.demo"`);
- URL names of another app's namespace, in Python (`reverse("cases:…")`, `url_name="cases:…"`, a
  positional url name in a registry entry) and in templates (`{% url "cases:…" %}`), and
  `{% include %}`/`{% extends %}` of another app's templates.
"""

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the tryg package
REPO = ROOT.parent

LOWEST = ("core",)
IDENTITY = ("accounts", "audit")
FUTURE = ("coordination", "risk", "public", "prevention", "training", "partnerships", "insights")
BELOW_CASES = (*LOWEST, *IDENTITY, "knowledge", "actioncards")

# app -> the apps it may reference (besides itself).
MAY_USE: dict[str, set[str]] = {
    "core": set(),
    "accounts": {"core", "audit"},
    "audit": {"core", "accounts"},
    "knowledge": {"core", *IDENTITY},
    "actioncards": {"core", *IDENTITY, "knowledge"},
    "cases": set(BELOW_CASES),
    **{app: {*BELOW_CASES, "cases"} for app in FUTURE},
    "risk": {*BELOW_CASES, "cases", "coordination"},
    "public": {*BELOW_CASES, "cases", "coordination", "risk"},
    "insights": {*BELOW_CASES, "cases", "coordination", "risk", "public", "prevention", "training", "partnerships"},
}
APPS = set(MAY_USE)
# The project level may use anything; apps may use only the leaf helper `tryg.demo_otp` of it.
PROJECT_FILES = {"settings.py", "urls.py", "wsgi.py", "demo_otp.py", "__init__.py"}
PROJECT_LEAVES = {"demo_otp"}

MODULE_IN_TEXT = re.compile(r"\btryg\.([a-z_]+)")
MODEL_LABEL = re.compile(r"^([a-z_]+)\.[A-Z]\w*$")
TEMPLATE_NAME = re.compile(r"^([a-z_]+)/[\w./-]+\.(?:html|txt|csv)$")
URL_NAME = re.compile(r"^([\w-]+):[\w-]+$")
TEMPLATE_URL = re.compile(r"""{%\s*url\s+["']((?P<namespace>[\w-]+):[\w-]+)["']""")
TEMPLATE_LOAD = re.compile(r"""{%\s*(?:include|extends)\s+["']([a-z_]+)/[^"']+["']""")


def _app_of_module(dotted: str) -> str | None:
    """'tryg.cases.demo' -> 'cases'; project modules -> their name prefixed by '/'; others None."""
    parts = dotted.split(".")
    if parts[0] != "tryg" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in APPS else "/" + parts[1]


def _app_of_path(relative: str) -> str | None:
    """'tryg/cases/views.py' -> 'cases'; project-level files -> None (may use anything)."""
    parts = Path(relative).parts
    if len(parts) < 3 or parts[0] != "tryg":
        return None
    return parts[1]


@cache
def url_namespaces() -> dict[str, str]:
    """URL namespace -> app, read from tryg/urls.py (namespaced includes) and each app's `app_name`."""
    out = {}
    for urls in sorted(ROOT.glob("*/*urls.py")):
        for node in ast.walk(ast.parse(urls.read_text())):
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "app_name" for t in node.targets):
                out[node.value.value] = urls.parent.name
    for node in ast.walk(ast.parse((ROOT / "urls.py").read_text())):
        # include(("tryg.accounts.api_urls", "accounts-api"))
        if isinstance(node, ast.Tuple) and len(node.elts) == 2 and all(_is_str(e) for e in node.elts):
            module, namespace = (e.value for e in node.elts)
            if (app := _app_of_module(module)) in APPS:
                out[namespace] = app
    return out


def _is_str(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _package_of(relative: str) -> list[str]:
    parts = list(Path(relative).with_suffix("").parts)
    return parts if parts[-1] == "__init__" and parts.pop() else parts[:-1]


def _python_references(relative: str, text: str):
    """(line, referenced app or '/project-module', how) for every reference to tryg code in a Python file."""
    tree = ast.parse(text)
    package = _package_of(relative)
    namespaces = url_namespaces()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, _app_of_module(alias.name), f"import {alias.name}"
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            for alias in node.names:
                # `from tryg import cases` names the app in the alias.
                target = f"{module}.{alias.name}" if module in ("tryg", "") else module
                yield node.lineno, _app_of_module(target), f"from {module} import {alias.name}"
        elif isinstance(node, ast.JoinedStr):
            if re.search(r"\btryg\.[a-z_]*$", _fstring_prefix(node)):
                yield node.lineno, "/?", "a module name built at run time (f-string)"
        elif _is_str(node):
            value = node.value
            for match in MODULE_IN_TEXT.finditer(value):
                yield node.lineno, _app_of_module(match.group(0)), f"the string {value[:60]!r}"
            for pattern, kind in ((MODEL_LABEL, "model"), (TEMPLATE_NAME, "template")):
                if (match := pattern.match(value)) and match.group(1) in APPS:
                    yield node.lineno, match.group(1), f"the {kind} name {value!r}"
            if (match := URL_NAME.match(value)) and match.group(1) in namespaces:
                yield node.lineno, namespaces[match.group(1)], f"the URL name {value!r}"


def _fstring_prefix(node: ast.JoinedStr) -> str:
    """The literal text of an f-string before its first placeholder ('' if it has none)."""
    prefix = ""
    for value in node.values:
        if not _is_str(value):
            return prefix
        prefix += value.value
    return ""


def _template_references(text: str):
    namespaces = url_namespaces()
    for number, line in enumerate(text.splitlines(), start=1):
        for match in TEMPLATE_URL.finditer(line):
            if match["namespace"] in namespaces:
                yield number, namespaces[match["namespace"]], f"{{% url '{match.group(1)}' %}}"
        for match in TEMPLATE_LOAD.finditer(line):
            if match.group(1) in APPS:
                yield number, match.group(1), match.group(0)


def violations_in_source(relative: str, text: str) -> list[str]:
    """The forbidden references in one file (`relative` like 'tryg/core/selectors.py')."""
    app = _app_of_path(relative)
    if app is None:
        return []
    if app not in APPS:
        return [f"{relative}: '{app}' is not in the directions table; add it to MAY_USE"]
    references = _python_references(relative, text) if relative.endswith(".py") else _template_references(text)
    out = []
    for line, target, how in references:
        if target is None or target == app or target in MAY_USE[app] or target.lstrip("/") in PROJECT_LEAVES:
            continue
        if target == "/?":
            what = "a module chosen at run time"
        elif target.startswith("/"):
            what = f"the project module tryg.{target[1:]}"
        else:
            what = f"'{target}'"
        out.append(f"{relative}:{line}: '{app}' may not use {what} ({how})")
    return out


def _checked_files():
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(REPO).as_posix()
        parts = path.relative_to(ROOT).parts
        if not path.is_file() or path.suffix not in (".py", ".html", ".txt"):
            continue
        if len(parts) == 1 or "tests" in parts or "migrations" in parts or path.name == "conftest.py":
            continue
        if path.suffix != ".py" and "templates" not in parts:
            continue
        yield relative, path


def test_no_app_uses_a_higher_one():
    problems = []
    for relative, path in _checked_files():
        problems += violations_in_source(relative, path.read_text())
    assert not problems, "Forbidden directions:\n" + "\n".join(problems)


def test_the_table_knows_every_app_and_namespace():
    on_disk = {p.name for p in ROOT.iterdir() if (p / "apps.py").exists()}
    assert on_disk <= APPS
    assert {"core", "accounts", "accounts-api", "audit", "knowledge", "actioncards", "cases", "cases-api"} <= set(
        url_namespaces()
    )
    assert url_namespaces()["cases-api"] == "cases"


# --- The checker itself fails on the kinds of violation it exists for ----------------------------------


def _flags(relative: str, text: str, expected: str) -> None:
    found = violations_in_source(relative, text)
    assert found and all(expected in line for line in found), found


def test_it_flags_an_import_at_any_depth_and_a_relative_one():
    _flags("tryg/core/selectors.py", "from tryg.accounts.models import Role\n", "'core' may not use 'accounts'")
    _flags("tryg/core/selectors.py", "def f():\n    import tryg.accounts.models\n", "'accounts'")
    _flags("tryg/core/selectors.py", "class A:\n    def f(self):\n        from ..accounts import models\n", "accounts")
    _flags("tryg/core/selectors.py", "from tryg import accounts\n", "accounts")
    _flags("tryg/knowledge/views.py", "from tryg.urls import urlpatterns\n", "tryg.urls")


def test_it_flags_a_module_loaded_by_name():
    source = 'import importlib\nimportlib.import_module("tryg.cases.demo")\n'
    _flags("tryg/accounts/management/commands/seed_demo.py", source, "'accounts' may not use 'cases'")
    _flags("tryg/accounts/management/commands/seed_demo.py", 'm = f"tryg.{app}.demo"\n', "f-string")
    _flags("tryg/audit/models.py", 'fk = "cases.Case"\n', "'audit' may not use 'cases'")


def test_it_flags_url_names_of_a_higher_app_in_python():
    _flags("tryg/core/middleware.py", 'redirect(reverse("accounts:login"))\n', "'core' may not use 'accounts'")
    _flags("tryg/actioncards/views.py", 'reverse("cases:concern-create")\n', "'actioncards' may not use 'cases'")
    _flags("tryg/knowledge/apps.py", 'Section("T", "x", "cases:queue", ())\n', "'cases'")
    _flags("tryg/knowledge/apps.py", 'NavItem(url_name="cases-api:case-list")\n', "'cases'")
    _flags("tryg/core/views.py", 'reverse_lazy("audit:search")\n', "'audit'")


def test_it_flags_url_names_and_templates_of_a_higher_app_in_templates():
    base = "<form action=\"{% url 'accounts:logout' %}\">\n<a href='{% url \"accounts:account\" %}'>\n"
    _flags("tryg/core/templates/base.html", base, "'core' may not use 'accounts'")
    assert len(violations_in_source("tryg/core/templates/base.html", base)) == 2
    subnav = "<li><a href=\"{% url 'cases:intake-settings' %}\">Modtagelse</a></li>\n"
    _flags("tryg/accounts/templates/accounts/admin/_subnav.html", subnav, "'accounts' may not use 'cases'")
    _flags("tryg/knowledge/templates/knowledge/x.html", '{% include "cases/includes/x.html" %}', "'cases'")


def test_it_lets_an_app_use_itself_the_apps_below_it_and_the_project_level_use_anything():
    own_and_lower = "from tryg.actioncards import access\nreverse('cases:x')\n"
    assert violations_in_source("tryg/cases/views.py", own_and_lower) == []
    assert violations_in_source("tryg/accounts/views.py", "from tryg.audit.services import audit_record\n") == []
    assert violations_in_source("tryg/audit/views.py", "from tryg.accounts.views import require_recent_auth\n") == []
    assert violations_in_source("tryg/accounts/demo.py", "from tryg.demo_otp import DEMO_TOTP_SECRET\n") == []
    assert violations_in_source("tryg/risk/services.py", "from tryg.cases.models import Case\n") == []
    assert violations_in_source("tryg/urls.py", 'include("tryg.cases.urls")\n') == []
    assert violations_in_source("tryg/settings.py", '"tryg.accounts.context_processors.shell"\n') == []
    assert violations_in_source("tryg/audit/models.py", 'subject_type = "cases.person"\n') == []
