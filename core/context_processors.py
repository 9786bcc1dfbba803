from django.conf import settings


def service(request):
    """Add the service name every page shows in its header and title."""
    return {"service_name": settings.SERVICE_NAME}
