"""Anonymous two-way contact (filled in with the coordination services)."""


def thread_page(request, typed):
    return None
