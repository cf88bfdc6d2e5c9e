"""Dash callback requests as a browser sends them, built from the server's own `/_dash-dependencies`, so the
benchmark and the hostile-input tests follow the app's callbacks as they change."""

from __future__ import annotations

from typing import Any

CALLBACK_PATH = "/_dash-update-component"


def outputs_of(output: str) -> list[dict] | dict:
    """Dash's `outputs` field for an `output` key: a list for a multi-output callback ("..a.b...c.d..")."""
    if output.startswith(".."):
        parts = output.strip(".").split("...")
        return [dict(zip(("id", "property"), p.split(".", 1), strict=True)) for p in parts]
    component, prop = output.split(".", 1)
    return {"id": component, "property": prop}


def selector_callback(dependencies: list[dict]) -> dict:
    """The server-side callback that takes the URL and the congress selector."""
    for dependency in dependencies:
        inputs = {(i["id"], i["property"]) for i in dependency["inputs"]}
        if ("url", "search") in inputs and ("congress-select", "value") in inputs:
            return dependency
    raise LookupError("no callback takes url.search and congress-select.value")


def callback_body(dependency: dict, values: dict[tuple[str, str], Any], changed: str) -> dict:
    """The body a browser posts for `dependency` when `changed` ("id.property") changed, with `values` for
    the inputs and states it has ((id, property) → value; the others are sent without one)."""

    def entries(items: list[dict]) -> list[dict[str, Any]]:
        out = []
        for i in items:
            entry = {"id": i["id"], "property": i["property"]}
            if (i["id"], i["property"]) in values:
                entry["value"] = values[(i["id"], i["property"])]
            out.append(entry)
        return out

    return {
        "output": dependency["output"],
        "outputs": outputs_of(dependency["output"]),
        "inputs": entries(dependency["inputs"]),
        "changedPropIds": [changed],
        "state": entries(dependency.get("state", [])),
    }


def selector_change(dependency: dict, congress_id: str, search: str = "?congress=1") -> dict:
    """The body a browser posts when a user picks `congress_id` in the selector."""
    values = {("url", "search"): search, ("congress-select", "value"): congress_id}
    return callback_body(dependency, values, "congress-select.value")


def url_change(dependency: dict, search: Any) -> dict:
    """The body a browser posts when the page opens at `?…` = `search` (any JSON value, for fuzzing)."""
    body = selector_change(dependency, None, search)  # type: ignore[arg-type]
    body["changedPropIds"] = ["url.search"]
    return body


def noop_request(clicks: int = 1) -> dict:
    """The body a browser would post for bench/noop_app.py's no-op callback at its `clicks`-th click."""
    return {
        "output": "bench-noop-out.children",
        "outputs": {"id": "bench-noop-out", "property": "children"},
        "inputs": [{"id": "bench-noop-in", "property": "n_clicks", "value": clicks}],
        "changedPropIds": ["bench-noop-in.n_clicks"],
        "state": [],
    }
