from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "msrelief.learn"
    label = "learn"
    verbose_name = "Learn pages"
