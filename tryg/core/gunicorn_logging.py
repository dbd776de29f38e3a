"""Gunicorn's access log without who the visitor is on the pages without login (the citizens' site, the public
evaluation): no client address, no user agent, no referrer, no request headers, and no query string. Staff pages
(/app/, /api/, /django-admin/) keep gunicorn's usual fields. Used from gunicorn.conf.py (`logger_class`)."""

from gunicorn.glogging import Logger

STAFF_PREFIXES = ("/app/", "/api/", "/django-admin/")


class PrivacyLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = environ.get("PATH_INFO") or ""
        if path.startswith(STAFF_PREFIXES):
            return atoms
        for key in list(atoms):
            if key.endswith("}i") or key.endswith("}e"):
                atoms[key] = "-"
        atoms.update({"h": "-", "a": "-", "f": "-", "q": "", "u": "-"})
        atoms["r"] = f"{environ.get('REQUEST_METHOD')} {path} {environ.get('SERVER_PROTOCOL')}"
        return atoms
