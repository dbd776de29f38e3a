"""The pages benchmarks/load.py measures, and who asks for them (benchmarks only, never production).

Each page is asked for by one demo user: the case worker (sagsbehandler of Aalborg) for the case pages, the
region's security consultant (konsulent) for the consultants' queue and a consultation, the coordinator
(tovholder) for the partnerships list, and nobody (no cookie, as a citizen) for the public pages. The floor is
asked for by the case worker. URLs come from the database, so they are the same at every size.
"""

import random
from urllib.parse import quote

CASEWORKER, CONSULTANT, COORDINATOR, ANONYMOUS = "sagsbehandler", "konsulent", "tovholder", ""


class Cast:
    """The pages' URLs and users, from the database."""

    def __init__(self, seed: int = 1):
        from django.urls import reverse

        from tryg.accounts.models import User
        from tryg.cases.access import visible_cases
        from tryg.coordination.access import visible_consultations

        self.users = {u.username: u for u in User.objects.filter(username__in=[CASEWORKER, CONSULTANT, COORDINATOR])}
        self.user = self.users[CASEWORKER]
        rng = random.Random(seed)
        visible = visible_cases(self.user)
        ids = list(visible.order_by("-opened_at").values_list("pk", "number")[:2000])
        picks = rng.sample(ids, min(50, len(ids)))
        self.case_ids = [pk for pk, _ in picks]
        self.numbers = [number for _, number in picks]
        consultations = list(
            visible_consultations(self.users[CONSULTANT]).order_by("-created_at").values_list("pk", flat=True)[:2000]
        )
        consultation_ids = rng.sample(consultations, min(50, len(consultations)))
        self.walk_id = self._walk()
        words = ["tvangsægteskab", "kontrol", "underretning", "skole", "genopdragelsesrejse", "social kontrol"]
        case = lambda pk: reverse("cases:case-detail", args=[pk])  # noqa: E731
        self.pages = {
            "floor": ["/app/bench-floor/"],
            "case floor": [f"/app/bench-floor/case/{pk}/" for pk in self.case_ids],
            "queue": [reverse("cases:queue")],
            "case page": [case(pk) for pk in self.case_ids],
            "search Hansen": [reverse("cases:case-list") + "?s=bench-name"],
            "search number": [reverse("cases:case-list") + f"?s=bench-number-{i}" for i in range(len(self.numbers))],
            "Mine opgaver": [reverse("cases:my-tasks")],
            "case list": [reverse("cases:case-list")],
            "knowledge search": [reverse("knowledge:search") + "?q=" + quote(w) for w in words],
            "walk step": [reverse("actioncards:walk-step", args=[self.walk_id])] if self.walk_id else [],
            "API case": [f"/api/v1/cases/{pk}/" for pk in self.case_ids],
            "consultants' queue": [reverse("coordination:queue")],
            "consultation page": [reverse("coordination:consultation-detail", args=[pk]) for pk in consultation_ids],
            "partnerships list": [reverse("partnerships:partner-list")],
            "public home": [reverse("public:home")],
            "public contact form": [reverse("public:contact")],
        }
        self.who = {name: CASEWORKER for name in self.pages}
        self.who.update({"consultants' queue": CONSULTANT, "consultation page": CONSULTANT})
        self.who.update({"partnerships list": COORDINATOR, "public home": ANONYMOUS, "public contact form": ANONYMOUS})
        # The list pages whose time must not grow with the data (in-process, at both sizes).
        self.lists = ["queue", "case list", "search Hansen", "search number", "Mine opgaver", "knowledge search"]
        self.lists += ["my concerns", "approvals", "consultants' queue"]
        self.pages_inprocess = {
            **self.pages,
            "my concerns": [reverse("cases:my-concerns")],
            "approvals": [reverse("cases:approvals")],
        }
        self.who.update({"my concerns": CASEWORKER, "approvals": CASEWORKER})

    def stashed_searches(self) -> dict:
        """The searches as the case list keeps them in a session after they are posted (core.stash): a name or a
        CPR number never goes in a URL, so each benchmark session gets these entries and the URLs name the keys."""
        scope = "cases:case-list"
        searches = {"bench-name": {"scope": scope, "fields": {"q": ["Hansen"], "status": [""]}}}
        for i, number in enumerate(self.numbers):
            searches[f"bench-number-{i}"] = {"scope": scope, "fields": {"q": [number], "status": [""]}}
        return searches

    def verified_client(self, username: str = CASEWORKER):
        """A test client signed in as `username` with a verified second factor (no one for ANONYMOUS)."""
        from django.test import Client

        from tryg.core.stash import SESSION_KEY
        from tryg.core.testing import login_verified

        if username == ANONYMOUS:
            return Client()
        client = login_verified(Client(), self.users[username])
        if username == CASEWORKER:
            session = client.session
            session[SESSION_KEY] = self.stashed_searches()
            session.save()
        return client

    def _walk(self):
        from tryg.actioncards.models import ActionCard, Walk
        from tryg.actioncards.services import WalkError, walk_start

        walk = Walk.objects.filter(user=self.user, finished_at__isnull=True).first()
        if walk:
            return walk.pk
        for card in ActionCard.objects.filter(municipality_id=self.user.municipality_id):
            try:
                return walk_start(user=self.user, card=card).pk
            except WalkError:
                continue
        return None

    def sessions(self, n: int) -> dict[str, list[str]]:
        """{username: n Cookie headers}: n verified sessions of each user (one per client thread, as n browsers
        would have); the anonymous visitor sends no cookie."""
        from django.conf import settings

        out = {ANONYMOUS: [""] * n}
        for username in {u for u in self.who.values() if u != ANONYMOUS}:
            out[username] = []
            for _ in range(n):
                client = self.verified_client(username)
                out[username].append(
                    f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
                )
        return out
