"""``invoke publish`` and ``invoke rollback``: releases on the server, switched atomically.

Layout under the deploy root (``DEPLOY_ROOT``, default ``/var/www/bqlkcn``)::

    releases/20261128-093000-123456/   one complete build each
    current -> releases/…              the folder nginx serves

A publish builds a new release beside the others, compresses and checks it,
and only then repoints ``current`` (a symlink replaced by ``rename``, which is
atomic). A build that fails or is killed never touches ``current``.
"""

from .deploy import PublishError, PublishOptions, publish, publish_options, rollback
from .nginx import NginxSite
from .releases import Releases

__all__ = [
    "NginxSite",
    "PublishError",
    "PublishOptions",
    "Releases",
    "publish",
    "publish_options",
    "rollback",
]
