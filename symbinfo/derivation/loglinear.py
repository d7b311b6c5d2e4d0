"""Exact results of tables of rational numbers in their canonical log-linear form.

Every entropy-type measure of pmfs with rational entries (entropy, joint and conditional entropy,
mutual information and the other Shannon combinations, cross-entropy, KL and Jensen–Shannon
divergence) is a rational linear combination of logarithms of integers. :class:`LogLinear` keeps
it that way: a mapping *base → rational coefficient* whose bases are pairwise coprime integers
> 1 (primes, and composites too long to factor within the bound). Coprime bases have
Q-linearly independent logarithms (unique factorisation), so two values are equal exactly when
their vectors are, after both are written over one common coprime base (:func:`equal`).

Everything is integer arithmetic: a table's entries are written over their common denominator,
marginals are sums of integers, measures combine by adding vectors, and the SymPy expression is
built once, at the end (:meth:`LogLinear.as_expr`). Factoring is bounded (the bound of
:mod:`symbinfo.limits`): small primes are divided out, what is left is factored only below
``10**factor_digits``, and a longer cofactor stays a composite base, refined against the other
bases by gcds only.

>>> from fractions import Fraction as F
>>> h = entropy({0: F(1, 2), 1: F(1, 4), 2: F(1, 4)})
>>> h
LogLinear({2: Fraction(3, 2)})
>>> h.as_expr()
3*log(2)/2
>>> equal(entropy({0: F(1, 2), 1: F(1, 2)}) * 2, LogLinear({4: F(1)}))
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from fractions import Fraction
from functools import lru_cache

import sympy as sp
from sympy.core.add import _addsort
from sympy.ntheory import factorint, isprime, perfect_power, primerange

from ..limits import current_limits

#: primes below this are divided out of every integer first (through one gcd with their product)
TRIAL_BOUND = 2**12
_PRIMES = tuple(primerange(2, TRIAL_BOUND))
_PRIMORIAL = math.prod(_PRIMES)
#: cofactors (no prime below TRIAL_BOUND) are factored only below this many digits, so every
#: factor is found in milliseconds; a longer one stays a composite base (factor_digits lowers it)
FACTOR_DIGITS = 12


class LogLinear:
    """A rational linear combination of logarithms of integers: ``{base: coefficient}``.

    Immutable by convention; ``+``, ``-`` and multiplication by a rational build new ones.

    >>> from fractions import Fraction as F
    >>> (LogLinear({2: F(1)}) - LogLinear({3: F(1, 2)})).as_expr()
    -log(3)/2 + log(2)
    """

    __slots__ = ("summed", "terms")

    def __init__(self, terms: Mapping[int, Fraction] | None = None,
                 summed: Mapping[Fraction, Fraction] | tuple | None = None):
        self.terms = {b: c for b, c in (terms or {}).items() if c}
        #: the same value before factoring, for :meth:`as_expr`'s choice of the shorter form:
        #: parts (factor, {(p, q): weight}) meaning Σ factor·weight·log(p/q) (kept unmerged,
        #: in integers, until the form is wanted); None when unknown
        if isinstance(summed, Mapping):
            summed = ((Fraction(1), {(a.numerator, a.denominator): c
                                     for a, c in summed.items()}),)
        self.summed = summed

    def __repr__(self) -> str:
        return f"LogLinear({self.terms!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LogLinear) and equal(self, other)

    __hash__ = None  # type: ignore[assignment]

    def _combine(self, other: LogLinear, sign: int) -> LogLinear:
        terms = dict(self.terms)
        for b, c in other.terms.items():
            terms[b] = terms.get(b, 0) + sign * c
        summed = None
        if self.summed is not None and other.summed is not None:
            summed = self.summed + tuple((sign * f, w) for f, w in other.summed)
        return LogLinear(terms, summed)

    def __add__(self, other: LogLinear) -> LogLinear:
        return self._combine(other, 1)

    def __sub__(self, other: LogLinear) -> LogLinear:
        return self._combine(other, -1)

    def __mul__(self, k: int | Fraction) -> LogLinear:
        k = Fraction(k)
        summed = None if self.summed is None else tuple((k * f, w) for f, w in self.summed)
        return LogLinear({b: k * c for b, c in self.terms.items()}, summed)

    __rmul__ = __mul__

    def __neg__(self) -> LogLinear:
        return self * -1

    def as_expr(self) -> sp.Expr:
        """The SymPy expression, built once: ``c·log(b)`` summed over the bases, or the summed
        form ``c·log(p)`` over the distinct probabilities when that is shorter (SymPy's own
        ordering prints it as a textbook would).

        >>> from fractions import Fraction as F
        >>> LogLinear({2: F(1), 3: F(1)}, {F(1, 6): F(-1)}).as_expr()
        log(6)
        """
        factored = _sum([_term(c, b) for b, c in self.terms.items()])
        if not self.summed:
            return factored
        coefficients: dict[tuple[int, int], Fraction] = {}
        for factor, weights in self.summed:
            for a, w in weights.items():
                if a[0] == 1:  # log(1/n) is -log(n) to SymPy: one term with log(n)
                    a, w = (a[1], 1), -w
                coefficients[a] = coefficients.get(a, 0) + factor * w
        coefficients = {a: c for a, c in coefficients.items() if c and a != (1, 1)}
        if len(coefficients) > len(self.terms):
            return factored  # a term c·log(p/q) costs more than c·log(b): no fewer, no shorter
        # operations counted as count_ops would, roughly: decided here when far apart,
        # measured on both SymPy forms only when close (printing long sums costs)
        short = sum(_coefficient_ops(c) + 1 + (a[1] != 1 and a[0] != 1)
                    for a, c in coefficients.items())
        long = sum(_coefficient_ops(c) + 1 for c in self.terms.values())
        if short > long + MARGIN:
            return factored
        summed = sp.Add(*(sp.Rational(c.numerator, c.denominator) * _log_of_rational(*a)
                          for a, c in coefficients.items()))
        if short < long - MARGIN:
            return summed
        return min((summed, factored), key=_cost)


#: operations by which the rough counts of :meth:`LogLinear.as_expr` must differ to decide
MARGIN = 4


def _coefficient_ops(c: Fraction) -> int:
    return (c.denominator != 1) + (abs(c.numerator) != 1) + 1  # ·, /, and the + joining it


def _term(c: Fraction, b: int) -> sp.Expr:
    """``c·log(b)`` as SymPy builds it (log of an integer > 1 does not evaluate; a rational
    coefficient stands first in its Mul), without the cost of building it through evaluation."""
    log = _log(b)
    return log if c == 1 else sp.Mul._from_args(
        (sp.Rational(c.numerator, c.denominator), log), True)


_LOG_NARGS = sp.log(2).nargs


def _log(b: int) -> sp.log:
    """``log(b)`` of an integer b > 1 as SymPy builds it (unevaluated: there is nothing to
    evaluate), without ``Function.__new__``'s per-object ``FiniteSet`` of argument counts."""
    log = sp.Expr.__new__(sp.log, sp.Integer(b))
    log.nargs = _LOG_NARGS
    return log


def _log_of_rational(p: int, q: int) -> sp.Expr:
    """``log(p/q)`` as SymPy evaluates it (p/q in lowest terms, not 1): ``-log(q)`` when p is
    1, else unevaluated; built without ``log.eval``'s work on long numbers."""
    if p == 1:
        return -_log(q)
    if q == 1:
        return _log(p)
    log = sp.Expr.__new__(sp.log, sp.Rational(p, q))
    log.nargs = _LOG_NARGS
    return log


def _sum(terms: list[sp.Expr]) -> sp.Expr:
    """``Add(*terms)`` of terms c·log(b) with distinct b: nothing to collect, so only SymPy's
    own canonical sort of the arguments (``_addsort``, what ``Add`` does) is needed."""
    if len(terms) < 2:
        return terms[0] if terms else sp.S.Zero
    _addsort(terms)
    return sp.Add._from_args(terms, True)


def _cost(e: sp.Expr) -> tuple[int, int]:
    """Operations (a 100-digit integer reads as a few more), then length, as tidy counts."""
    try:
        long = sum(len(str(abs(i.p))) // 16 for i in e.atoms(sp.Integer))
        return sp.count_ops(e) + long, len(str(e))
    except ValueError:  # an integer too long to print: last choice
        return math.inf, math.inf


# --- integers over a bounded factor base -----------------------------------------------------

@lru_cache(maxsize=1 << 16)
def _split(n: int, digits: int) -> tuple[tuple[int, int], ...]:
    """``n > 1`` as ((base, exponent), ...): primes, and at most one composite cofactor that has
    no prime factor below :data:`TRIAL_BOUND` and is too long to factor cheaply."""
    out: dict[int, int] = {}
    small = math.gcd(n, _PRIMORIAL)
    if small > 1:
        for p in _PRIMES:  # small is a product of distinct primes below TRIAL_BOUND
            if small == 1:
                break
            if small % p:
                continue
            small //= p
            k = 0
            while n % p == 0:
                n //= p
                k += 1
            out[p] = k
    if n > 1:
        for b, k in _cofactor(n, digits).items():
            out[b] = out.get(b, 0) + k
    return tuple(sorted(out.items()))


def _cofactor(n: int, digits: int) -> dict[int, int]:
    """A number without prime factors below :data:`TRIAL_BOUND` over primes where that is cheap
    (below 10**min(digits, FACTOR_DIGITS), a perfect power's root); else itself."""
    if n < TRIAL_BOUND**2:
        return {n: 1}  # a prime
    if n >= 10**digits or isprime(n):
        return {n: 1}  # a prime, or too long to factor: a base of its own
    found = perfect_power(n)
    if found:
        return {b: k * found[1] for b, k in _cofactor(found[0], digits).items()}
    if n < 10 ** min(digits, FACTOR_DIGITS):  # at most three primes above TRIAL_BOUND: quick
        return factorint(n)
    return {n: 1}


def _coprime_base(numbers: Iterable[int]) -> list[int]:
    """Pairwise coprime integers > 1 that generate every number of ``numbers`` multiplicatively
    (gcd refinement; terminates since the product of pending and kept numbers falls)."""
    numbers = list(dict.fromkeys(numbers))
    base: list[int] = []
    if len(numbers) > 2:  # most share no factor with any other: one gcd with the rest tells
        total = math.prod(numbers)
        alone = {n for n in numbers if math.gcd(n, total // n) == 1}
        base, numbers = [n for n in numbers if n in alone], [n for n in numbers if n not in alone]
    for n in numbers:
        todo = [n]
        while todo:
            x = todo.pop()
            if x == 1:
                continue
            for i, b in enumerate(base):
                g = math.gcd(x, b)
                if g > 1:
                    base.pop(i)
                    todo += [g, b // g, x // g]
                    break
            else:
                base.append(x)
    return base


def _over(n: int, base: Iterable[int]) -> dict[int, int]:
    out = {}
    for b in base:
        k = 0
        while n % b == 0:
            n //= b
            k += 1
        if k:
            out[b] = k
    if n != 1:  # cannot happen for a base from _coprime_base of n; never return a wrong value
        raise ArithmeticError(f"{n} is not a product of the base")
    return out


def _canonical(weights: Mapping[int, Fraction | int], denominator: int = 1) -> dict[int, Fraction]:
    """Σ weight·log(n) / denominator over integers n > 1, as {coprime base: coefficient}."""
    digits = current_limits().factor_digits
    vector: dict[int, int | Fraction] = {}
    for n, w in weights.items():
        if n > 1 and w:
            for b, k in _split(n, digits):
                vector[b] = vector.get(b, 0) + k * w
    return _refined({b: Fraction(c, denominator) if isinstance(c, int) else c / denominator
                     for b, c in vector.items() if c})


def _refined(vector: Mapping[int, Fraction]) -> dict[int, Fraction]:
    """The vector over a coprime base: composite bases that share a factor are split by gcds."""
    composites = [b for b in vector if b >= TRIAL_BOUND**2]
    if len(composites) < 2:
        return {b: c for b, c in vector.items() if c}
    base = _coprime_base(composites)
    out: dict[int, Fraction] = {}
    for b, c in vector.items():
        for d, k in (_over(b, base) if b in composites else {b: 1}).items():
            out[d] = out.get(d, 0) + k * c
    return {b: c for b, c in out.items() if c}


def equal(a: LogLinear, b: LogLinear) -> bool:
    """Whether two log-linear values are equal: their difference over one coprime base is 0.

    >>> from fractions import Fraction as F
    >>> big = 10**40 + 1   # too long to factor: a composite base
    >>> equal(LogLinear({big * 3: F(1)}), LogLinear({big: F(1), 3: F(1)}))
    True
    """
    diff = (a - b).terms
    return not _refined(_canonical({n: c for n, c in diff.items()}))


# --- the measures of pmfs of Fractions -------------------------------------------------------

def over_common_denominator(values: Iterable[Fraction]) -> tuple[list[int], int]:
    """Integer numerators of ``values`` over their least common denominator, and that."""
    values = list(values)
    d = math.lcm(*(v.denominator for v in values)) if values else 1
    return [v.numerator * (d // v.denominator) for v in values], d


def _entropy_of_counts(counts: Iterable[int], d: int) -> LogLinear:
    """−Σ (m/d)·log(m/d) for integers m ≥ 0 with Σ m = d (a pmf over the denominator d)."""
    weights: dict[int, int] = {}
    total = 0
    for m in counts:
        if m:
            weights[m] = weights.get(m, 0) - m
            total += m
    summed = ((Fraction(1, d), {(m // g, d // g): w for m, w in weights.items()
                                 for g in (math.gcd(m, d),)}),)
    weights[d] = weights.get(d, 0) + total
    return LogLinear(_canonical(weights, d), summed)


def entropy_of_integers(counts: Iterable[int], d: int) -> LogLinear:
    """Entropy of the pmf m/d (integers m ≥ 0 summing to d).

    >>> entropy_of_integers([1, 1, 2], 4).as_expr()
    3*log(2)/2
    """
    return _entropy_of_counts(counts, d)


def entropy(pmf: Mapping[object, Fraction]) -> LogLinear:
    """Shannon entropy −Σ p log p of a pmf of Fractions (summing to 1).

    >>> from fractions import Fraction as F
    >>> entropy({0: F(1, 3), 1: F(2, 3)}).as_expr()
    -2*log(2)/3 + log(3)
    """
    counts, d = over_common_denominator(pmf.values())
    return _entropy_of_counts(counts, d)


def cross_entropy(p: Mapping[object, Fraction], q: Mapping[object, Fraction]) -> LogLinear | None:
    """H(P, Q) = −Σ p log q; ``None`` when P has mass where Q has none (+oo).

    >>> from fractions import Fraction as F
    >>> cross_entropy({0: F(1, 2), 1: F(1, 2)}, {0: F(1, 4), 1: F(3, 4)}).as_expr()
    -log(3)/2 + 2*log(2)
    """
    support = [x for x, px in p.items() if px]
    if any(not q.get(x) for x in support):
        return None
    ps, d = over_common_denominator(p[x] for x in support)
    qs, e = over_common_denominator(q[x] for x in support)
    weights: dict[int, int] = {}
    for m, k in zip(ps, qs, strict=True):
        weights[k] = weights.get(k, 0) - m
    weights[e] = weights.get(e, 0) + sum(ps)
    summed: dict[Fraction, Fraction] = {}
    for x, m in zip(support, ps, strict=True):
        summed[q[x]] = summed.get(q[x], 0) - Fraction(m, d)
    return LogLinear(_canonical(weights, d), summed)


def kl_divergence(p: Mapping[object, Fraction], q: Mapping[object, Fraction]) -> LogLinear | None:
    """D_KL(P ‖ Q) = Σ p log(p/q); ``None`` when P has mass where Q has none (+oo).

    >>> from fractions import Fraction as F
    >>> kl_divergence({0: F(1)}, {0: F(1, 2), 1: F(1, 2)}).as_expr()
    log(2)
    """
    ce = cross_entropy(p, q)
    if ce is None:
        return None
    kl = ce - entropy(p)
    summed: dict[Fraction, Fraction] = {}
    for x in (x for x, px in p.items() if px):  # as summed: p·log(p/q)
        summed[p[x] / q[x]] = summed.get(p[x] / q[x], 0) + p[x]
    return LogLinear(kl.terms, summed)


def js_divergence(p: Mapping[object, Fraction], q: Mapping[object, Fraction]) -> LogLinear:
    """Jensen–Shannon divergence ½KL(P‖M) + ½KL(Q‖M), M = (P + Q)/2 (Lin 1991), which is
    H(M) − ½H(P) − ½H(Q).

    >>> from fractions import Fraction as F
    >>> js_divergence({0: F(1)}, {1: F(1)}).as_expr()
    log(2)
    """
    half = Fraction(1, 2)
    m = {x: half * p.get(x, 0) + half * q.get(x, 0) for x in dict.fromkeys([*p, *q])}
    js = entropy(m) - (entropy(p) + entropy(q)) * half
    summed: dict[Fraction, Fraction] = {}
    for r in (p, q):  # as summed: ½·r·log(r/m)
        for x, rx in r.items():
            if rx:
                summed[rx / m[x]] = summed.get(rx / m[x], 0) + half * rx
    return LogLinear(js.terms, summed)


class IntegerTable:
    """A joint pmf of rationals as integer numerators over their least common denominator, with
    the entropies of its marginals remembered (each subset of variables summed once).

    >>> t = IntegerTable.of({(0, 0): sp.Rational(1, 2), (1, 1): sp.Rational(1, 4),
    ...                      (1, 0): sp.Rational(1, 4)})
    >>> t.entropy((0,)).as_expr(), t.variable(1)
    (log(2), {0: Fraction(3, 4), 1: Fraction(1, 4)})
    """

    def __init__(self, outcomes: tuple, numerators: tuple[int, ...], denominator: int):
        self.outcomes, self.numerators, self.denominator = outcomes, numerators, denominator
        self._entropies: dict[tuple, LogLinear] = {}

    @classmethod
    def of(cls, pmf: Mapping[tuple, sp.Basic]) -> IntegerTable | None:
        """The table of ``pmf`` (outcome tuple → probability); ``None`` unless every entry is
        rational."""
        values = fractions(pmf)
        if values is None:
            return None
        numerators, d = over_common_denominator(values.values())
        return cls(tuple(values), tuple(numerators), d)

    def marginal(self, indices: Iterable[int]) -> dict[tuple, int]:
        """Numerators of the marginal of the variables at ``indices`` (in that order)."""
        indices = tuple(indices)
        out: dict[tuple, int] = {}
        for outcome, m in zip(self.outcomes, self.numerators, strict=True):
            key = tuple(outcome[i] for i in indices)
            out[key] = out.get(key, 0) + m
        return out

    def variable(self, index: int) -> dict[object, Fraction]:
        """The pmf of the variable at ``index``, outcome → Fraction."""
        return {k[0]: Fraction(m, self.denominator) for k, m in self.marginal((index,)).items()}

    def entropy(self, indices: Iterable[int]) -> LogLinear:
        """Joint entropy of the variables at ``indices`` (computed once per set of them)."""
        key = (tuple(sorted(set(indices))), current_limits().factor_digits)
        if key not in self._entropies:
            counts = (self.numerators if len(key[0]) == len(self.outcomes[0])
                      else self.marginal(key[0]).values())
            self._entropies[key] = _entropy_of_counts(counts, self.denominator)
        return self._entropies[key]


# --- reading SymPy values --------------------------------------------------------------------

def fractions(pmf: Mapping[object, sp.Basic]) -> dict[object, Fraction] | None:
    """The pmf with Fraction values when every entry is a SymPy/Python rational, else ``None``.

    >>> fractions({0: sp.Rational(1, 3), 1: sp.Rational(2, 3)})
    {0: Fraction(1, 3), 1: Fraction(2, 3)}
    >>> fractions({0: sp.Symbol("p")}) is None
    True
    """
    out = {}
    for x, v in pmf.items():
        if isinstance(v, sp.Rational):
            out[x] = Fraction(int(v.p), int(v.q))
        elif isinstance(v, (int, Fraction)) and not isinstance(v, bool):
            out[x] = Fraction(v)
        else:
            return None
    return out


def from_expr(expr: sp.Basic) -> LogLinear | None:
    """A closed number ``Σ r·log(s)`` (rationals r, positive rationals s) as a :class:`LogLinear`;
    ``None`` for anything else.

    >>> from_expr(sp.log(12) - 2 * sp.log(2))
    LogLinear({3: Fraction(1, 1)})
    >>> from_expr(sp.pi) is None
    True
    """
    found = []
    for term in sp.Add.make_args(expr):
        coeff, rest = term.as_coeff_Mul()
        if rest is sp.S.One and coeff == 0:
            continue
        if not (coeff.is_Rational and isinstance(rest, sp.log) and rest.args[0].is_Rational
                and rest.args[0] > 0):
            return None
        found.append((int(coeff.p), int(coeff.q), rest.args[0]))
    # integer weights over the coefficients' common denominator: no Fraction arithmetic
    d = math.lcm(*(q for _, q, _ in found)) if found else 1
    weights: dict[int, int] = {}
    for p, q, a in found:
        w = p * (d // q)
        weights[int(a.p)] = weights.get(int(a.p), 0) + w
        weights[int(a.q)] = weights.get(int(a.q), 0) - w
    return LogLinear(_canonical(weights, d))
