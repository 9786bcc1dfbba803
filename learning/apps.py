from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Learning content"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the signal receivers)
