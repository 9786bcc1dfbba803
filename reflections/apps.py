from django.apps import AppConfig


class ReflectionsConfig(AppConfig):
    name = "reflections"

    def ready(self):
        from .exports import files  # noqa: F401  (registers CPD exports as prepared files)
