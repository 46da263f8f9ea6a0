"""CSV and JSON open data: every live measurement of the tracked indicators with their metadata.

Both formats are built from the same rows the tracker page shows, so they always agree with it.
Values are plain decimals with a dot; missing data is an empty cell (CSV) or null (JSON), never 0.
"""

import csv
from html import unescape

from django.http import HttpResponse, JsonResponse
from django.utils.html import strip_tags

from .formatting import machine_value

CSV_COLUMNS = [
    "plan_number",
    "indicator_code",
    "indicator_name",
    "unit",
    "direction",
    "baseline",
    "baseline_year",
    "target",
    "target_year",
    "status",
    "current_value",
    "period_start",
    "period_end",
    "period",
    "value",
    "is_current",
    "breakdown_kind",
    "breakdown",
    "source",
    "entered_at",
    "note",
    "data_source",
    "responsible_agency",
]


def _plain(html):
    return unescape(strip_tags(html or "")).strip()


def indicator_metadata(plan, indicator):
    latest = indicator.latest
    return {
        "plan_number": plan.number if plan else "",
        "indicator_code": indicator.code,
        "indicator_name": indicator.name,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "baseline": machine_value(indicator.baseline),
        "baseline_year": indicator.baseline_year,
        "target": machine_value(indicator.target),
        "target_year": indicator.target_year,
        "status": indicator.status.value,
        "current_value": machine_value(latest.value) if latest else None,
        "current_period": latest.period_label if latest else None,
        "last_update": latest.entered_at.isoformat() if latest else None,
        "automatic": indicator.is_automatic,
        "methodology": _plain(indicator.methodology),
        "data_source": indicator.data_source,
        "responsible_agency": indicator.responsible_agency,
        "reporting_status": indicator.reporting_status,
    }


def measurement_record(measurement, current):
    return {
        "period_start": measurement.period_start.isoformat(),
        "period_end": measurement.period_end.isoformat(),
        "period": measurement.period_label,
        "value": machine_value(measurement.value),
        "is_current": current is not None and measurement.pk == current.pk,
        "breakdown_kind": measurement.breakdown_kind,
        "breakdown": measurement.breakdown_label,
        "source": measurement.source,
        "entered_at": measurement.entered_at.isoformat(),
        "note": measurement.note,
    }


def live_measurements(indicator):
    """Overall figures (the full history, superseded ones included) then the breakdowns."""
    breakdowns = indicator.measurements.live().broken_down().chronological()
    return [*indicator.history, *breakdowns]


def records(plan, indicators):
    for indicator in indicators:
        meta = indicator_metadata(plan, indicator)
        measurements = live_measurements(indicator)
        if not measurements:
            yield meta, None
        for measurement in measurements:
            yield meta, measurement_record(measurement, indicator.latest)


def csv_response(plan, indicators, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM correctly
    writer = csv.DictWriter(response, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for meta, record in records(plan, indicators):
        row = {**meta, **(record or {})}
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return response


def json_document(plan, indicators, completion):
    """``completion`` is the plan's figure over all its tracked indicators, also in a one-indicator file."""
    items = []
    for indicator in indicators:
        meta = indicator_metadata(plan, indicator)
        meta["measurements"] = [measurement_record(m, indicator.latest) for m in live_measurements(indicator)]
        items.append(meta)
    return {
        "plan": {
            "number": plan.number,
            "name": plan.name,
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "completion_percent": machine_value(completion),
        }
        if plan
        else None,
        "indicators": items,
    }


def json_response(plan, indicators, completion):
    return JsonResponse(
        json_document(plan, list(indicators), completion),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        safe=False,
    )
