"""Holiday sources, frozen year by year.

The ``holidays`` package fills its dictionaries lazily and silently adds years on read,
so slacalc never keeps a live ``HolidayBase``: country codes are looked up once per
year and the result frozen; a ``HolidayBase`` passed in is copied at build time (later
changes to the caller's object do not leak in). A source built with ``expand=False``
covers only its own years, and a question about another year raises
:class:`~slacalc.HolidayCoverageError` instead of treating that year as holiday-free.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import sys
import threading
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from slacalc._time import date_from
from slacalc._validate import shown
from slacalc.errors import HolidayCoverageError, InvalidDateError, UnknownHolidayRegionError

if TYPE_CHECKING:
    import holidays as holidays_pkg

__all__ = ["HolidaySource"]

_ISO_LIKE = "0123456789"


def _holidays_module() -> Any:
    import holidays  # imported lazily: it costs ~30 ms and many calendars never need it

    return holidays


@functools.cache
def _country_codes() -> frozenset[str]:
    """The country codes ``holidays`` knows (aliases included), read from its registry."""
    from holidays.registry import EntityLoader

    return frozenset(EntityLoader.get_country_codes())


@functools.cache
def _country_class(code: str) -> Any:
    """The ``holidays`` class of one country, without importing the other countries.

    ``holidays.countries`` imports all of its ~250 country modules when first imported
    (~100 ms, more than the rest of a cold policy command); until something has imported
    it, the one country's module runs on its own, unregistered, so ``sys.modules`` and
    the ``holidays`` package stay as they were. The class and its answers are the same;
    it is kept per code, as an imported module would be.
    """
    loader = getattr(_holidays_module(), code)  # the package's lazy loader for the code
    if "holidays.countries" in sys.modules or loader.entity is not None:
        return loader.get_entity()
    import importlib.util  # here, as importing slacalc needs neither this nor pathlib
    from pathlib import Path

    path = Path(_holidays_module().__file__).parent / "countries"
    path /= loader.module_name.rpartition(".")[2] + ".py"
    spec = importlib.util.spec_from_file_location(loader.module_name, path)
    if spec is None or spec.loader is None or not path.is_file():  # a zip, a frozen build
        return loader.get_entity()
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, loader.entity_name)


class _Region:
    """A country (and optional subdivision) of the ``holidays`` package.

    ``'DK+optional'`` adds the package's ``optional`` category to the public holidays
    (in Denmark: 1 May, Constitution Day, 24 and 31 December); any category the country
    supports may be named, several joined with ``+``.
    """

    __slots__ = ("categories", "country", "entity", "first", "language", "last", "subdiv")

    def __init__(self, code: str) -> None:
        raw = code.strip()
        region, *extra = (part.strip() for part in raw.split("+"))
        country, _, subdiv = region.partition("-")
        self.country = country.upper()
        self.subdiv = subdiv.upper() or None
        if self.country not in _country_codes():
            raise UnknownHolidayRegionError(
                f"Unknown holiday country {raw!r}; pass an ISO 3166 code such as 'DK', "
                "'US-CA' or 'DE-BY'."
            )
        self.entity = _country_class(self.country)
        self._span()
        subdivs = sorted(self.entity.subdivisions)
        if self.subdiv is not None and self.subdiv not in subdivs:
            known = ", ".join(subdivs[:12]) or "none"
            raise UnknownHolidayRegionError(
                f"Unknown subdivision {raw!r} of {self.country!r}; pass one of "
                f"{known}{' ...' if len(subdivs) > 12 else ''} "
                f"(e.g. '{self.country}-{subdivs[0]}')"
                if subdivs
                else f"Unknown subdivision {raw!r}: {self.country!r} has no subdivisions; "
                f"pass {self.country!r}."
            )

        # Names in the country's own default language, whatever the process locale says.
        probe = self.entity(subdiv=self.subdiv, years=())
        self.language = probe.default_language
        offered = tuple(getattr(probe, "supported_categories", ("public",)))
        wanted = {"public"}
        for name in extra:
            if name.lower() not in offered:
                raise UnknownHolidayRegionError(
                    f"Unknown holiday category {name!r} in {raw!r}; {self.country} has "
                    f"{', '.join(repr(k) for k in offered)}, e.g. '{region}+{offered[0]}'. "
                    "To combine countries, pass a list such as ['DK', 'SE']."
                )
            wanted.add(name.lower())
        self.categories: tuple[str, ...] = tuple(sorted(wanted))

    def __getstate__(self) -> tuple[str, str | None, str, tuple[str, ...]]:
        # The class is found again where the copy lands (it may not pickle by name).
        return (self.country, self.subdiv, self.language, self.categories)

    def __setstate__(self, state: tuple[str, str | None, str, tuple[str, ...]]) -> None:
        self.country, self.subdiv, self.language, self.categories = state
        self.entity = _country_class(self.country)
        self._span()

    def _span(self) -> None:
        """The first and last year the package has this country's holidays for."""
        self.first = int(getattr(self.entity, "start_year", 1))
        self.last = int(getattr(self.entity, "end_year", 9999))

    def covers(self, year: int) -> bool:
        """Whether the package knows this country's holidays in ``year``."""
        return self.first <= year <= self.last

    def coverage_error(self, year: int) -> HolidayCoverageError:
        """The error for a question about a year the package does not cover."""
        return HolidayCoverageError(
            f"The holidays package covers {self.label()!r} only in {self.first}-{self.last}, "
            f"but the question needs {year}; ask about those years, or build the calendar "
            "with holiday_coverage='lenient' to count other years without holidays."
        )

    def year(self, year: int) -> dict[dt.date, str]:
        data = self.entity(
            subdiv=self.subdiv, years=year, language=self.language, categories=self.categories
        )
        return {d: str(name) for d, name in data.items() if d.year == year}

    def years(self, years: list[int]) -> dict[dt.date, str]:
        """The holidays of several years from one lookup (faster than one per year)."""
        data = self.entity(
            subdiv=self.subdiv, years=years, language=self.language, categories=self.categories
        )
        wanted = set(years)
        return {d: str(name) for d, name in data.items() if d.year in wanted}

    def key(self) -> tuple[object, ...]:
        if self.categories == ("public",):
            return (self.country, self.subdiv)
        return (self.country, self.subdiv, self.categories)

    def label(self) -> str:
        extra = "".join(f"+{c}" for c in self.categories if c != "public")
        return self.country + (f"-{self.subdiv}" if self.subdiv else "") + extra


class _Base:
    """A private copy of a ``holidays.HolidayBase`` given by the caller."""

    __slots__ = ("data", "expand", "lock", "years")

    def __init__(self, base: holidays_pkg.HolidayBase) -> None:
        self.data = copy.deepcopy(base)
        self.expand = bool(base.expand)
        self.years = frozenset(base.years)
        self.lock = threading.Lock()

    def __getstate__(self) -> tuple[object, bool, frozenset[int]]:
        return (self.data, self.expand, self.years)

    def __setstate__(self, state: tuple[object, bool, frozenset[int]]) -> None:
        self.data, self.expand, self.years = state  # type: ignore[assignment]
        self.lock = threading.Lock()

    def key(self) -> tuple[object, ...]:
        """What makes two copies equal: the kind, its settings and the dates it holds."""
        data = self.data
        return (
            type(data).__qualname__,
            getattr(data, "country", None) or getattr(data, "market", None),
            getattr(data, "subdiv", None),
            tuple(sorted(getattr(data, "categories", ()) or ())),
            bool(getattr(data, "observed", True)),
            self.expand,
            self.years,
            frozenset(data.items()),
        )

    def year(self, year: int) -> dict[dt.date, str]:
        if not self.expand and year not in self.years:
            covered = ", ".join(str(y) for y in sorted(self.years)) or "no years"
            raise HolidayCoverageError(
                f"The holiday source covers only {covered}, but the question needs {year}; "
                f"build it with expand=True or with years including {year}."
            )
        with self.lock:
            if self.expand:
                _ = self.data.get(dt.date(year, 1, 1))  # fills the year in the private copy
            return {d: str(name) for d, name in self.data.items() if d.year == year}


class HolidaySource:
    """Everything that closes a whole calendar-local date.

    Accepts ``None``, a country code (``"DK"``, ``"US-CA"``, ``"DE-BY"``), an ISO date
    string, a ``datetime.date``, a ``holidays.HolidayBase``, a mapping of dates to names,
    or an iterable mixing these.
    """

    __slots__ = (
        "_bases",
        "_cache",
        "_explicit",
        "_key",
        "_label",
        "_loaded",
        "_regions",
        "_years_span",
        "lenient",
    )

    def __init__(self, spec: object, *, lenient: bool = False) -> None:
        #: Years a country's data does not cover count without holidays (else they raise).
        self.lenient = lenient
        self._explicit: dict[dt.date, str] = {}
        self._regions: list[_Region] = []
        self._bases: list[_Base] = []
        self._cache: dict[int, Mapping[dt.date, str]] = {}
        self._loaded = (1, 0)  # a run of years load() has frozen (none yet)
        self._add(spec)
        self._key = (
            frozenset(self._explicit.items()),
            tuple(r.key() for r in self._regions),
            tuple(b.key() for b in self._bases),
            lenient and bool(self._regions),
        )
        labels = [r.label() for r in self._regions]
        labels += [type(b.data).__name__ for b in self._bases]
        if self._explicit:
            n = len(self._explicit)
            labels.append(f"{n} date{'s' if n != 1 else ''}")
        self._label = "+".join(labels)
        self._years_span = self._holiday_span()

    def _add(self, item: object) -> None:
        if item is None:
            return
        if isinstance(item, str):
            text = item.strip()
            if text[:1] in _ISO_LIKE:
                self._explicit.setdefault(date_from(text, what="holiday"), "holiday")
            else:
                self._regions.append(_Region(text))
        elif isinstance(item, dt.date):
            self._explicit.setdefault(date_from(item, what="holiday"), "holiday")
        elif isinstance(item, (list, tuple, set, frozenset)):
            for sub in item:
                self._add(sub)
        elif isinstance(item, _holidays_module().HolidayBase):
            self._bases.append(_Base(item))
        elif isinstance(item, Mapping):
            for key, name in item.items():
                self._explicit[date_from(key, what="holiday")] = str(name)
        elif isinstance(item, Iterable) and not isinstance(item, (bytes, bytearray, range)):
            for sub in item:
                self._add(sub)
        else:
            raise InvalidDateError(
                f"Holidays {shown(item)} are not readable; pass a country code such as 'DK' or "
                "'US-CA', a holidays.HolidayBase, dates or ISO date strings, or a list of these."
            )

    def __getstate__(self) -> dict[str, object]:
        # Frozen years travel with the calendar, so a copy on another process or
        # machine answers from the same holiday data.
        return {
            "explicit": self._explicit,
            "regions": self._regions,
            "bases": self._bases,
            "cache": {year: dict(days) for year, days in self._cache.items()},
            "key": self._key,
            "label": self._label,
            "lenient": self.lenient,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._explicit = state["explicit"]
        self._regions = state["regions"]
        self._bases = state["bases"]
        self._cache = {year: MappingProxyType(days) for year, days in state["cache"].items()}
        self._key = state["key"]
        self._label = state["label"]
        self.lenient = state["lenient"]
        self._loaded = (1, 0)
        self._years_span = self._holiday_span()

    def _holiday_span(self) -> tuple[int, int] | None:
        """The years outside which :meth:`year` is empty and raises nothing, or None.

        A country adds the years the ``holidays`` package covers when ``lenient``
        (other years count without holidays) and every year otherwise (other years
        raise); a ``HolidayBase`` every year (it adds years on read, or raises).
        """
        spans = [(r.first, r.last) if self.lenient else (1, 9999) for r in self._regions]
        spans += [(1, 9999) for _ in self._bases]
        spans += [(d.year, d.year) for d in self._explicit]
        if not spans:
            return None
        return (min(lo for lo, _ in spans), max(hi for _, hi in spans))

    @property
    def span(self) -> tuple[int, int] | None:
        """The years outside which no date is a holiday (nor raises), or None for none."""
        return self._years_span

    @property
    def is_empty(self) -> bool:
        return not (self._explicit or self._regions or self._bases)

    @property
    def label(self) -> str:
        return self._label

    @property
    def key(self) -> object:
        return self._key

    def year(self, year: int) -> Mapping[dt.date, str]:
        """The holidays of one calendar year, computed once and then frozen."""
        cached = self._cache.get(year)
        if cached is not None:
            return cached
        names: dict[dt.date, str] = {}
        sources: list[_Region | _Base] = [*self._regions, *self._bases]
        for source in sources:
            if isinstance(source, _Region) and not source.covers(year):
                if self.lenient:
                    continue
                raise source.coverage_error(year)
            for d, name in source.year(year).items():
                names[d] = f"{names[d]}; {name}" if d in names else name
        return self._freeze(year, names)

    def _freeze(self, year: int, names: dict[dt.date, str]) -> Mapping[dt.date, str]:
        """Add the explicit dates of ``year`` to ``names`` and keep the result."""
        for d, name in self._explicit.items():
            if d.year == year:
                names.setdefault(d, name)
        frozen: Mapping[dt.date, str] = MappingProxyType(dict(sorted(names.items())))
        self._cache[year] = frozen
        return frozen

    def load(self, first: int, last: int) -> None:
        """Look up the missing years of ``[first, last]`` with one call per country.

        The same holidays as :meth:`year` gives one year at a time, fetched faster for
        questions that span decades: each lookup has a fixed cost (about as much as two
        years' holidays), so a long question asks here for all the years it crosses.
        Years past a country's data are left to :meth:`year` (they raise, or count
        without holidays when ``lenient``).
        """
        if self._bases or not self._regions:
            return  # a caller's HolidayBase (year() is as fast), or nothing to fetch
        lowest = max(1, *(r.first for r in self._regions))
        highest = min(9999, *(r.last for r in self._regions))
        first, last = max(first, lowest), min(last, highest)
        done = self._loaded
        if first > last or (done[0] <= first and last <= done[1]):
            return  # none to fetch, or a repeated question whose years are all here
        cache = self._cache
        missing = [y for y in range(first, last + 1) if y not in cache]
        # Every year of [first, last] is frozen below (year() fetches any that another
        # thread finds missing meanwhile): widen the run of years known loaded.
        self._loaded = (
            (min(first, done[0]), max(last, done[1]))
            if (first <= done[1] + 1 and done[0] - 1 <= last)
            else (first, last)
        )
        if not missing:
            return
        per_year: dict[int, dict[dt.date, str]] = {y: {} for y in missing}
        for region in self._regions:
            for d, name in region.years(missing).items():
                names = per_year[d.year]
                names[d] = f"{names[d]}; {name}" if d in names else name
        for year, names in per_year.items():
            self._freeze(year, names)

    def is_holiday(self, day: dt.date) -> bool:
        cached = self._cache.get(day.year)
        if cached is not None:
            return day in cached
        span = self._years_span
        if span is None or not span[0] <= day.year <= span[1]:
            return False  # no source can hold a holiday that year: nothing to look up
        return day in self.year(day.year)

    @property
    def years_loaded(self) -> tuple[int, ...]:
        return tuple(sorted(self._cache))

    def fixed_years(self) -> tuple[int, int] | None:
        """The first and last year every source covers, or None when all cover every year.

        A ``HolidayBase`` built with ``expand=False`` covers its own years; a country
        code the years the ``holidays`` package has data for (unless ``lenient``).
        """
        spans = [
            (min(b.years), max(b.years)) if b.years else (10_000, 0)
            for b in self._bases
            if not b.expand
        ]
        if not self.lenient:
            spans += [(r.first, r.last) for r in self._regions]
        if not spans:
            return None
        return (max(lo for lo, _ in spans), min(hi for _, hi in spans))

    def covered_years(self) -> tuple[int, int] | None:
        """The years every source has data for (``lenient`` aside), or None for all."""
        spans = [(r.first, r.last) for r in self._regions]
        spans += [(min(b.years), max(b.years)) for b in self._bases if not b.expand and b.years]
        if not spans:
            return None
        return (max(lo for lo, _ in spans), min(hi for _, hi in spans))
