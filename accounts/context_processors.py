from .permissions import roles_for


def roles(request):
    """Add the signed-in person's roles, for the header's role-aware links.

    Lazy: a page whose template never asks makes no query; one that does makes one at
    most (the answer is kept on the request, shared with the home page's sections).
    """
    return {"roles": roles_for(request)}
