"""Models of the services app, split by subject; import them from ``services.models``."""

from ..choices import AdminLevel, Applicants, Channel, OutreachChannel
from .counters import CampaignDailyFollowThrough, CampaignDailyView
from .pages import (
    CampaignChannel,
    CampaignPage,
    CampaignQuerySet,
    DossierDocument,
    FeaturedService,
    OnlineServicesPage,
    ProcedureIndexPage,
    ProcedurePage,
    ProcedureQuerySet,
    http_url_validator,
)
from .snippets import Agency, ProcedureField

__all__ = [
    "AdminLevel",
    "Agency",
    "Applicants",
    "CampaignChannel",
    "CampaignDailyFollowThrough",
    "CampaignDailyView",
    "CampaignPage",
    "CampaignQuerySet",
    "Channel",
    "DossierDocument",
    "FeaturedService",
    "OnlineServicesPage",
    "OutreachChannel",
    "ProcedureField",
    "ProcedureIndexPage",
    "ProcedurePage",
    "ProcedureQuerySet",
    "http_url_validator",
]
