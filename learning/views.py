from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.http import urlencode

from .selectors import search_content

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Paginator(search_content(query=query), 10).get_page(request.GET.get("page"))
    context = {"query": query, "results": results, "query_string": urlencode({"q": query})}
    return TemplateResponse(request, "learning/search.html", context)
