from django.http import Http404


def queue(request):
    raise Http404


def consultation_detail(request, pk):
    raise Http404


def meeting_create(request):
    raise Http404
