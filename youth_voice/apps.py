from django.apps import AppConfig


class YouthVoiceConfig(AppConfig):
    name = "youth_voice"
    verbose_name = "Youth voice"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
