"""The ASGI application. In production mode it refuses to be imported while a setting is
unsafe, exactly as :mod:`msrelief.wsgi` does."""

import os

from django.core.asgi import get_asgi_application

from msrelief.core.checks import refuse_unsafe_production

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msrelief.settings")

refuse_unsafe_production()
application = get_asgi_application()
