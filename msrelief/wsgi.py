"""The WSGI application (``gunicorn msrelief.wsgi``). In production mode it refuses to be
imported while a setting is unsafe: ImproperlyConfigured names each problem and its fix."""

import os

from django.core.wsgi import get_wsgi_application

from msrelief.core.checks import refuse_unsafe_production

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msrelief.settings")

refuse_unsafe_production()
application = get_wsgi_application()
