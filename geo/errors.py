"""The one exception hierarchy of Frontline; each error is also the matching builtin."""


class FrontlineError(Exception):
    """Base class of every error Frontline raises on purpose."""


class DataError(FrontlineError, RuntimeError):
    """Bundled data is missing, damaged or from another version."""


class InputError(FrontlineError, ValueError):
    """An article, file or argument that Frontline cannot use."""


class CoordinateError(InputError):
    """A point outside WGS84 ranges, often a (lon, lat) pair given as (lat, lon)."""
