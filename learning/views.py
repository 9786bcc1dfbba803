from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .selectors import search_content, search_query_clean
from .services import BiteNotFound, bite_mark_read


def search(request):
    query = search_query_clean(request.GET.get("q", ""))
    results = search_content(query=query, page_number=request.GET.get("page"), request=request)
    context = {
        "query": query.text,
        "empty_query": "q" in request.GET and not query.text,
        "search": results,
        "results": results.page,
        "query_string": urlencode({"q": query.text}),
        "suggestion_query_string": urlencode({"q": results.suggestion}),
    }
    return TemplateResponse(request, "learning/search.html", context)


@login_required
@require_POST
def bite_read(request, bite_id):
    try:
        read = bite_mark_read(user=request.user, bite_id=bite_id)
    except BiteNotFound:
        raise Http404 from None
    messages.success(request, _("You have marked this knowledge bite as read"))
    return redirect(read.bite.get_url(request=request))
