from django.shortcuts import render

from portal.roles import psychiatrist_required


@psychiatrist_required
def queue(request):
    return render(request, "review/queue.html")
