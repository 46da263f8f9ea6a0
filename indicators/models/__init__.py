"""Plans, their indicators and the measurements that show how far each indicator has come."""

from .measurements import BreakdownKind, Measurement, MeasurementForm, MeasurementQuerySet, Source
from .pages import IndicatorTrackerPage
from .plans import AutomaticSource, Indicator, IndicatorQuerySet, Objective, Plan, ReportingStatus, Unit

__all__ = [
    "AutomaticSource",
    "BreakdownKind",
    "Indicator",
    "IndicatorQuerySet",
    "IndicatorTrackerPage",
    "Measurement",
    "MeasurementForm",
    "MeasurementQuerySet",
    "Objective",
    "Plan",
    "ReportingStatus",
    "Source",
    "Unit",
]
