"""The nginx configuration the project ships, for a given server.

``deploy/nginx/site.conf.template`` holds it with a few ``@NAME@`` slots;
``deploy/nginx/bqlkcn.conf`` is its rendering with the defaults below (a test
keeps the two in step), and ``invoke nginx-config`` renders it for another
deploy root, port or server name. Tests render it for a throw-away nginx.
"""

from dataclasses import dataclass
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[3] / "deploy" / "nginx"
TEMPLATE = DEPLOY / "site.conf.template"
SHIPPED = DEPLOY / "bqlkcn.conf"
HEADERS = DEPLOY / "bqlkcn-security-headers.conf"


@dataclass(frozen=True)
class NginxSite:
    deploy_root: Path = Path("/var/www/bqlkcn")
    listen: str = "80"
    server_name: str = "bqlkcnthainguyen.gov.vn"
    snippets: Path = Path("/etc/nginx/snippets")
    """Where ``bqlkcn-security-headers.conf`` is installed."""

    def render(self) -> str:
        slots = {
            "@GENERATED@": (
                "Rendered from deploy/nginx/site.conf.template by `invoke nginx-config`."
            ),
            "@DEPLOY_ROOT@": str(self.deploy_root),
            "@LISTEN@": self.listen,
            "@SERVER_NAME@": self.server_name,
            "@SNIPPETS@": str(self.snippets),
        }
        text = TEMPLATE.read_text(encoding="utf-8")
        for slot, value in slots.items():
            text = text.replace(slot, value)
        return text
