"""The citizens' site, outside /app/ and under every language prefix (/en/, /ar/, …): no login, no cookies."""

from django.urls import path, re_path

from .views import code, notify, pages, threads

app_name = "public"

urlpatterns = [
    path("", pages.home, name="home"),
    path("ung/", pages.young, name="young"),
    path("voksen/", pages.adult, name="adult"),
    path("ven/", pages.friend, name="friend"),
    path("rettigheder/", pages.rights, name="rights"),
    path("hjaelp/", pages.help_page, name="help"),
    path("sikker-paa-nettet/", pages.online, name="online"),
    path("underret/", notify.notify, name="notify"),
    path("skriv/", threads.contact, name="contact"),
    path("kode/", code.code, name="code"),
    path("kode/svar/", threads.reply, name="reply"),
    # A municipality's own page under its code (e.g. /851/ for Aalborg), so it can link its own site here.
    re_path(r"^(?P<code>[0-9]{3})/$", pages.municipality, name="municipality"),
]
