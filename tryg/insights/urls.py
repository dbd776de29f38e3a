from django.urls import path

from .views import indicators, plan, report

app_name = "insights"

urlpatterns = [
    path("", indicators.overview, name="overview"),
    path("export.csv", indicators.export_csv, name="export-csv"),
    path("export.xlsx", indicators.export_xlsx, name="export-xlsx"),
    path("region/", indicators.region, name="region"),
    path("region/export.csv", indicators.region_export_csv, name="region-export-csv"),
    path("region/export.xlsx", indicators.region_export_xlsx, name="region-export-xlsx"),
    path("plan/", plan.plan, name="plan"),
    path("plan/new/", plan.version_create, name="version-create"),
    path("plan/<int:number>/", plan.version_detail, name="version-detail"),
    path("plan/<int:number>/diff/", plan.version_diff, name="version-diff"),
    path("plan/sections/<int:pk>/review/", plan.section_review, name="section-review"),
    path("report/<int:year>/", report.annual_report, name="annual-report"),
    path("report/<int:year>.xlsx", report.annual_report_xlsx, name="annual-report-xlsx"),
]
