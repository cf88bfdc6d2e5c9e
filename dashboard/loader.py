"""Read and validate the records in `data/`.

`load_records()` returns every congress, source, party and group, and the teaching content
(lessons, glossary, introduction), validated, or raises `RecordError` with one line per problem:
the file, the field path and the bad value. Nothing is served from records that did not pass.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from dashboard.records import Congress, Group, GroupKind, Lineage, Party, Source
from dashboard.teaching import GlossaryEntry, Introduction, Lesson, Teaching

DATA_DIR = Path(os.environ.get("CONGRESS_DATA_DIR") or Path(__file__).resolve().parent.parent / "data")
"""The records folder: `data/` beside the package, or the folder CONGRESS_DATA_DIR names."""

Model = TypeVar("Model", bound=BaseModel)


class RecordError(Exception):
    """One or more records are invalid. The message names each file, field and bad value."""


@dataclass(frozen=True)
class Records:
    """Everything in `data/`, validated. Congresses are in date order, lessons in file-name order."""

    congresses: tuple[Congress, ...]
    sources: dict[str, Source]
    parties: dict[str, Party]
    lineages: dict[str, Lineage]
    teaching: Teaching
    groups: dict[tuple[GroupKind, str], Group]
    """Social groups and republics by (kind, part id)."""


def _read_toml(path: Path, root: Path) -> dict[str, Any]:
    name = path.relative_to(root.parent) if path.is_relative_to(root.parent) else path
    raw = path.read_bytes()
    if not raw.strip():
        raise RecordError(f"{name}: the file is empty")
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise RecordError(f"{name}: not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise RecordError(f"{name}: not valid TOML: {error}") from None


def _describe(error: ValidationError, name: object) -> list[str]:
    lines = []
    for problem in error.errors(include_url=False):
        path = ".".join(str(part) for part in problem["loc"]) or "(record)"
        message = problem["msg"].removeprefix("Value error, ")
        shown = problem.get("input")
        value = "" if isinstance(shown, dict | list) else f" (got {shown!r})"
        lines.append(f"{name}: {path}: {message}{value}")
    return lines


def _validate(model: type[Model], data: Any, name: object, context: dict, errors: list[str]) -> Model | None:
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        errors.extend(_describe(error, name))
        return None


def _registry(
    path: Path, key: str, model: type[Model], root: Path, errors: list[str], context: dict | None = None
) -> dict[str, Model]:
    entries = _read_toml(path, root).get(key, [])
    found: dict[str, Model] = {}
    for index, entry in enumerate(entries):
        item = _validate(model, entry, f"{path.name}: {key}.{index}", context or {}, errors)
        if item is not None:
            if item.id in found:
                errors.append(f"{path.name}: {key}.{index}.id: duplicate id {item.id!r}")
            found[item.id] = item
    return found


def _lessons(root: Path, context: dict, errors: list[str]) -> list[Lesson]:
    lessons = []
    for path in sorted((root / "lessons").glob("*.toml")):
        name = path.relative_to(root.parent)
        lesson = _validate(Lesson, _read_toml(path, root), name, context, errors)
        if lesson is None:
            continue
        if path.stem != lesson.id:
            errors.append(f"{name}: id: {lesson.id!r} should be in a file named {lesson.id}.toml")
        lessons.append(lesson)
    return lessons


def _glossary(path: Path, root: Path, context: dict, errors: list[str]) -> list[GlossaryEntry]:
    entries = _registry(path, "term", GlossaryEntry, root, errors, context)
    seen: dict[str, str] = {}
    for entry in entries.values():
        for spelling in entry.names:
            if spelling in seen:
                other = seen[spelling]
                errors.append(f"{path.name}: {entry.id}.spellings: {spelling!r} is also a spelling of {other!r}")
            seen.setdefault(spelling, entry.id)
    return list(entries.values())


def _teaching(root: Path, context: dict, errors: list[str]) -> Teaching | None:
    """The lessons, the glossary and the introduction, checked against the sources and the congresses."""
    files = ("glossary.toml", "introduction.toml")
    missing = [f"{root.name}/{name}: the file is missing" for name in files if not (root / name).exists()]
    if missing:
        errors.extend(missing)
        return None
    lessons = _lessons(root, context, errors)
    glossary = _glossary(root / "glossary.toml", root, context, errors)
    path = root / "introduction.toml"
    introduction = _validate(Introduction, _read_toml(path, root), path.relative_to(root.parent), context, errors)
    if introduction is None:
        return None
    return Teaching(lessons=tuple(lessons), glossary=tuple(glossary), introduction=introduction)


def _groups(root: Path, context: dict, errors: list[str]) -> dict[tuple[GroupKind, str], Group]:
    path = root / "groups.toml"
    found: dict[tuple[GroupKind, str], Group] = {}
    for index, entry in enumerate(_read_toml(path, root).get("group", [])):
        group = _validate(Group, entry, f"{path.name}: group.{index}", context, errors)
        if group is not None:
            if (group.kind, group.id) in found:
                errors.append(f"{path.name}: group.{index}.id: duplicate {group.kind} group {group.id!r}")
            found[(group.kind, group.id)] = group
    return found


def load_records(root: Path = DATA_DIR) -> Records:
    """Read, validate and return every record under `root`; raise `RecordError` if any is bad."""
    errors: list[str] = []
    sources = _registry(root / "sources.toml", "source", Source, root, errors)
    parties = _registry(root / "parties.toml", "party", Party, root, errors, {"sources": set(sources)})
    context = {"sources": set(sources), "parties": set(parties)}
    lineages = _registry(root / "parties.toml", "lineage", Lineage, root, errors, context)
    groups = _groups(root, context, errors)
    for party in parties.values():
        if party.family and party.family not in parties:
            errors.append(f"parties.toml: {party.id}.family: unknown party id {party.family!r}")
        if party.lineage and party.lineage not in lineages:
            errors.append(f"parties.toml: {party.id}.lineage: unknown lineage id {party.lineage!r}")
    congresses: dict[str, tuple[Congress, Path]] = {}
    for path in sorted((root / "congresses").glob("*.toml")):
        name = path.relative_to(root.parent)
        congress = _validate(Congress, _read_toml(path, root), name, context, errors)
        if congress is None:
            continue
        if congress.id in congresses:
            other = congresses[congress.id][1].relative_to(root.parent)
            errors.append(f"{name}: id: duplicate congress {congress.id!r}, also in {other}")
            continue
        if path.stem != congress.id:
            errors.append(f"{name}: id: {congress.id!r} should be in a file named {congress.id}.toml")
        congresses[congress.id] = (congress, path)
    teaching = _teaching(root, {"sources": set(sources), "congresses": set(congresses)}, errors)
    if errors or teaching is None:
        raise RecordError("\n".join(errors))
    ordered = sorted((c for c, _ in congresses.values()), key=lambda c: (c.dates.start, c.series))
    return Records(
        congresses=tuple(ordered),
        sources=sources,
        parties=parties,
        lineages=lineages,
        groups=groups,
        teaching=teaching,
    )
