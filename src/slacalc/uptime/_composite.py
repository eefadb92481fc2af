"""Composite availability of independent components: series, parallel, k of n.

These are probabilities under an independence assumption (shared zones, deploys and
configuration break it), computed exactly. An SLA is a promise with credits attached,
not a probability, so a composite of SLAs is an estimate, not a contract.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from slacalc._validate import check_items, shown
from slacalc.errors import InvalidOptionError, NumberTypeError
from slacalc.uptime._availability import Availability, TargetLike, to_availability

__all__ = ["availability_in_parallel", "availability_in_series", "availability_k_of_n"]


def _targets(targets: Iterable[TargetLike], what: str) -> list[Fraction]:
    hint = "pass the members' targets as a list, e.g. ['99.9%', '99.9%', '99.9%']"
    check_items(targets, what=f"{what} targets", hint=hint, error=NumberTypeError)
    values = [to_availability(t).fraction for t in targets]
    if not values:
        raise InvalidOptionError(
            f"{what} needs at least one component; pass targets such as '99.95%', '99.99%'."
        )
    return values


def availability_in_series(*targets: TargetLike) -> Availability:
    """Availability of components that must all be up (hard dependencies): the product.

    Args:
        *targets: each component's availability (``"99.95%"``, ``Decimal("0.9999")``...).

    Returns:
        ``a1 x a2 x ... x an`` exactly.

    Raises:
        InvalidOptionError: no targets.
        InvalidTargetError, NumberTypeError: a bad target.

    Examples:
        >>> str(availability_in_series("99.95%", "99.99%"))   # Azure: web app + SQL DB
        '99.940005%'
    """
    result = Fraction(1)
    for value in _targets(targets, "availability_in_series"):
        result *= value
    return Availability(result)


def availability_in_parallel(*targets: TargetLike) -> Availability:
    """Availability of redundant components where any one suffices: ``1 - prod(1 - a)``.

    Args:
        *targets: each replica's availability.

    Returns:
        The probability that at least one is up, exactly.

    Raises:
        InvalidOptionError: no targets.
        InvalidTargetError, NumberTypeError: a bad target.

    Examples:
        >>> str(availability_in_parallel("99.9%", "99.9%"))
        '99.9999%'
    """
    down = Fraction(1)
    for value in _targets(targets, "availability_in_parallel"):
        down *= 1 - value
    return Availability(1 - down)


#: Members of a k-of-n group the exact sum handles quickly (its work grows as n²).
_MAX_MEMBERS = 100


def availability_k_of_n(k: int, targets: Iterable[TargetLike]) -> Availability:
    """Availability of a group that is up while at least ``k`` of its ``n`` members are.

    Members may differ; the exact Poisson-binomial sum is used (for identical members it
    is ``sum C(n, i) a^i (1 - a)^(n - i)`` over ``i >= k``).

    Args:
        k: how many members must be up, 1 to n.
        targets: each member's availability.

    Returns:
        The probability that at least ``k`` members are up, exactly.

    Raises:
        InvalidOptionError: no targets, more than 100 members, or ``k`` outside 1..n.
        InvalidTargetError, NumberTypeError: a bad target.

    Examples:
        >>> str(availability_k_of_n(2, ["99.9%"] * 3))
        '99.9997002%'
    """
    values = _targets(targets, "availability_k_of_n")
    if len(values) > _MAX_MEMBERS:
        raise InvalidOptionError(
            f"availability_k_of_n has {len(values)} members; the exact sum grows with the "
            f"square of their number, so pass at most {_MAX_MEMBERS}."
        )
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= len(values):
        raise InvalidOptionError(
            f"k={shown(k)} is not between 1 and the number of members ({len(values)}); pass how "
            "many members must be up."
        )
    # up[j] = probability that exactly j of the members seen so far are up.
    up = [Fraction(1)]
    for a in values:
        nxt = [Fraction(0)] * (len(up) + 1)
        for j, p in enumerate(up):
            nxt[j] += p * (1 - a)
            nxt[j + 1] += p * a
        up = nxt
    return Availability(sum(up[k:], Fraction(0)))
