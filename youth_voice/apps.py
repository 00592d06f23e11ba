from django.apps import AppConfig


class YouthVoiceConfig(AppConfig):
    name = "youth_voice"
    verbose_name = "Youth voice"
