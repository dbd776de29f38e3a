app_name = "actioncards"

urlpatterns: list = []
