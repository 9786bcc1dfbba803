from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .selectors import search_content
from .services import BiteNotFound, bite_mark_read

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Paginator(search_content(query=query), 10).get_page(request.GET.get("page"))
    context = {"query": query, "results": results, "query_string": urlencode({"q": query})}
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
