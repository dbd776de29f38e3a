from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from tryg.core import views as core_views
from tryg.public.views import pages as public_pages

# Staff pages live under /app/, the API under /api/; "/" and the language prefixes are kept
# for the public citizen site, so a municipality can expose "/" and keep "/app/" internal.
api_v1 = [
    path("", include(("tryg.accounts.api_urls", "accounts-api"))),
    path("", include(("tryg.audit.api_urls", "audit-api"))),
    path("", include(("tryg.knowledge.api_urls", "knowledge-api"))),
    path("", include(("tryg.actioncards.api_urls", "actioncards-api"))),
    path("", include(("tryg.cases.api_urls", "cases-api"))),
    path("", include(("tryg.prevention.api_urls", "prevention-api"))),
    path("", include(("tryg.training.api_urls", "training-api"))),
    path("", include(("tryg.partnerships.api_urls", "partnerships-api"))),
    path("", include(("tryg.coordination.api_urls", "coordination-api"))),
    path("risk/", include(("tryg.risk.api_urls", "risk-api"))),
    path("", include(("tryg.insights.api_urls", "insights-api"))),
]

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("app/", include("tryg.core.urls")),
    path("app/", include("tryg.accounts.urls")),
    path("app/audit/", include("tryg.audit.urls")),
    path("app/knowledge/", include("tryg.knowledge.urls")),
    path("app/cards/", include("tryg.actioncards.urls")),
    path("app/cases/", include("tryg.cases.urls")),
    path("app/prevention/", include("tryg.prevention.urls")),
    path("app/training/", include("tryg.training.urls")),
    path("app/partnerships/", include("tryg.partnerships.urls")),
    path("app/coordination/", include("tryg.coordination.urls")),
    path("app/risk/", include("tryg.risk.urls")),
    path("app/insights/", include("tryg.insights.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="core/swagger_ui.html"),
        name="api-docs",
    ),
    path("api/v1/", include(api_v1)),
    path("django-admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    # The citizens' site (tryg/public) is "/"; "public-home" is the name the staff layout links to.
    path("", public_pages.home, name="public-home"),
    path("evaluering/", include("tryg.prevention.public_urls")),
    path("beredskab/", include("tryg.insights.public_urls")),
    path("", include("tryg.public.urls")),
    prefix_default_language=False,
)

handler400 = "tryg.core.views.bad_request"
handler403 = "tryg.core.views.permission_denied"
handler404 = "tryg.core.views.page_not_found"
handler500 = "tryg.core.views.server_error"
