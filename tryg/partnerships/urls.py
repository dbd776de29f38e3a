from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("mine/", views.mine, name="mine"),
    path("partners/", views.partner_list, name="partner-list"),
    path("partners/new/", views.partner_create, name="partner-create"),
    path("partners/<uuid:pk>/", views.partner_detail, name="partner-detail"),
    path("partners/<uuid:pk>/contacts/", views.contact_add, name="contact-add"),
    path("pools/", views.pool_list, name="pool-list"),
    path("pools/<int:pk>/", views.pool_detail, name="pool-detail"),
    path("pools/<int:pk>/grants/", views.grant_create, name="grant-create"),
    path("grants/<uuid:pk>/", views.grant_detail, name="grant-detail"),
    path("grants/<uuid:pk>/budget-lines/", views.budget_line_add, name="budget-line-add"),
    path("grants/<uuid:pk>/payments/", views.payment_add, name="payment-add"),
    path("grants/<uuid:pk>/agreements/", views.agreement_add, name="agreement-add"),
    path("grants/<uuid:pk>/deadlines/", views.deadline_add, name="deadline-add"),
    path("grants/<uuid:pk>/activities/new/", views.activity_create, name="activity-create"),
    path("grants/<uuid:pk>/report/", views.grant_report, name="grant-report"),
    path("grants/<uuid:pk>/report.xlsx", views.grant_report_xlsx_download, name="grant-report-xlsx"),
    path("deadlines/<int:pk>/submit/", views.deadline_submit, name="deadline-submit"),
    path("attachments/<uuid:pk>/", views.attachment_download, name="attachment-download"),
]
