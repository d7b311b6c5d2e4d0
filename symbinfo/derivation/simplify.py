"""Bring results to textbook form without ever changing their value on the declared domain.

Only transformations valid under the symbols' SymPy assumptions are used; logarithms of positive
rational numbers are split into logarithms of primes so exact results collect into a few terms
(``log(2)/2 + log(4)/2`` becomes ``3*log(2)/2``).

Both stay within the bound (:mod:`symbinfo.limits`): only integers below
``10**factor_digits`` are factored (a 101-digit semiprime would take hours), and an expression
holding numbers too large to touch (a special function of a huge integer, which SymPy would
evaluate exactly if the expression were rebuilt; a power with a huge exponent) is left as it is.
"""

from __future__ import annotations

import math
import random

import sympy as sp

from ..limits import current_limits, too_big_to_touch
from ..parsing.gate import to_sympy


def split_logs(expr: sp.Expr, force: bool = False) -> sp.Expr:
    """``expand_log(expr, force=force, factor=True)``, factoring only integers below
    ``10**factor_digits``; larger ones are only reduced when they are perfect powers (cheap).

    >>> split_logs(sp.log(12) - sp.log(sp.Rational(9, 2)))
    -log(3) + 3*log(2)
    >>> split_logs(sp.log(sp.Rational(1, 6**9999))) == -9999 * (sp.log(2) + sp.log(3))
    True
    >>> n = sp.nextprime(10**50) * sp.nextprime(3 * 10**50)   # a 101-digit semiprime
    >>> split_logs(sp.log(n**2)) == 2 * sp.log(n)
    True
    """
    bound = 10 ** current_limits().factor_digits

    def integer_log(n: sp.Integer) -> sp.Expr:
        root, power = sp.perfect_power(n) or (n, 1)
        if root >= bound:
            return power * sp.log(root)
        return power * sp.Add(*(m * sp.log(p) for p, m in sp.factorint(root).items()))

    from ..functions import BinaryEntropy

    # h(p) is a sum of logarithms too
    expr = expr.replace(lambda e: isinstance(e, BinaryEntropy), lambda e: e.rewrite(sp.log))
    expanded = sp.expand_log(expr, force=force, factor=False)
    return expanded.replace(
        lambda e: isinstance(e, sp.log) and e.args[0].is_Integer and e.args[0] > 1,
        lambda e: integer_log(e.args[0]),
    )


def _split_rational_logs(expr: sp.Expr) -> sp.Expr:
    def is_number_log(e: sp.Basic) -> bool:
        # force=True is safe here: the argument is a positive algebraic number
        arg = e.args[0] if isinstance(e, sp.log) else None
        return arg is not None and arg.is_number and arg.is_positive and arg.is_algebraic

    return expr.replace(is_number_log, lambda e: split_logs(e, force=True))


def _reduce_powers(expr: sp.Expr) -> sp.Expr:
    """log(n**k) -> k*log(n) for long integers that are perfect powers (no factoring: cheap);
    short ones are split into primes by the other candidates."""
    def reduced(e: sp.log) -> sp.Expr:
        found = sp.perfect_power(e.args[0])
        return found[1] * sp.log(found[0]) if found else e

    return expr.replace(
        lambda e: isinstance(e, sp.log) and e.args[0].is_Integer and e.args[0] > 10**15,
        reduced)


def _long_integers(e: sp.Expr) -> int:
    # a 100-digit integer reads worse than a few more operations: 100*log(10), not log(10**100)
    return sum(len(str(abs(i.p))) // 16 for i in e.atoms(sp.Integer))


def _cost(e: sp.Expr) -> tuple[bool, int, int]:
    try:
        # e inside a logarithm reads as one letter (log(2πe)), not as exp(1)
        es = sum(1 for a in sp.preorder_traversal(e) if a is sp.E)
        return False, sp.count_ops(e) - es + _long_integers(e), len(str(e))
    except ValueError:  # holds an integer too long to print (over 4300 digits): last choice
        return True, 0, 0


def tidy(expr: sp.Expr) -> sp.Expr:
    """A simpler equal form of ``expr`` (never a longer one), written as books write it.

    Logarithms are split into the factors of their arguments and collected (so identically-zero
    results reduce to 0 exactly), then combined again where they share a coefficient
    (p log(p/q) + (1 − p) log((1 − p)/(1 − q))); the binary entropy function h(p) replaces
    −p log p − (1 − p) log(1 − p) inside larger results; a value over log b is written term by
    term (log_b, h_b); special functions of numbers are evaluated (B(1/2, 1/2) = π) and
    log Γ(x) is ln Γ(x). Each rewrite is checked numerically at random points before it is used.

    >>> tidy(sp.log(2) / 2 + sp.log(4) / 2)
    3*log(2)/2
    >>> p = sp.Symbol("p", positive=True)
    >>> tidy(-p * sp.log(p) - (1 - p) * sp.log(1 - p))
    -p*log(p) - (1 - p)*log(1 - p)
    >>> rho = sp.Symbol("rho", real=True)
    >>> tidy(-sp.log(-(rho - 1) * (rho + 1)) / 2)
    -log(1 - rho**2)/2
    >>> e = sp.Symbol("epsilon", positive=True)
    >>> half = sp.S.Half
    >>> bsc = e * sp.log(e / 2) + 2 * (half - e / 2) * sp.log(half - e / 2) + 2 * sp.log(2)
    >>> tidy(bsc), tidy(bsc / sp.log(2))
    (-h(epsilon) + log(2), 1 - h2(epsilon))
    """
    expr = to_sympy(expr, "the expression to tidy")
    if not isinstance(expr, sp.Expr) or expr.has(sp.Integral, sp.Sum) or too_big_to_touch(expr):
        return expr
    if isinstance(expr, sp.Piecewise):
        return _tidy_piecewise(expr)
    numbers = _evaluate_special_numbers(expr)
    candidate = _split_rational_logs(numbers)
    candidates = [expr, candidate, _reduce_powers(expr)]
    if candidate.free_symbols:
        candidates.append(sp.expand_log(candidate))
        # factored arguments such as log(-(rho - 1)*(rho + 1)) read better multiplied out
        candidates.append(candidate.replace(
            lambda e: isinstance(e, sp.log) and e.args[0].is_Mul,
            lambda e: sp.log(sp.expand(e.args[0]))))
    else:  # a number: collect the logs of primes
        candidates.append(sp.expand(candidate))
    try:
        booked = _book_form(numbers)
    except (TypeError, ValueError, ArithmeticError, sp.PolynomialError):
        booked = None  # an argument SymPy cannot factor: the other candidates stand
    costs = {c: _cost(c) for c in dict.fromkeys(candidates)}
    best = min(costs, key=costs.get)
    if booked is None:
        return best
    forms, point = booked
    costs.update({f: _cost(f) for f in forms if f not in costs})
    # never change a value: a book form is used only once it agrees with the input at random
    # points where the logarithms are real (checked best first, so usually once)
    for form in sorted(forms, key=costs.get):
        if costs[form] >= costs[best]:
            break
        if _agrees(expr, form, point):
            return form
    return best


def _tidy_piecewise(expr: sp.Piecewise) -> sp.Expr:
    """Each branch tidied; branches that became equal are one expression."""
    branches = [(tidy(e), c) for e, c in expr.args]
    if all(e == branches[0][0] for e, _ in branches):
        return branches[0][0]
    return sp.Piecewise(*branches)


# --- the book's forms -----------------------------------------------------------------------


def _evaluate_special_numbers(expr: sp.Expr) -> sp.Expr:
    """B(1/2, 1/2) = π, catalan(1/2) = 8/(3π): special functions of rational numbers written
    with Γ, which SymPy evaluates at half-integers; log Γ(x) is ln Γ(x) for x > 0."""
    out = expr.replace(
        lambda e: isinstance(e, (sp.beta, sp.catalan)) and all(a.is_Rational for a in e.args),
        lambda e: e.rewrite(sp.gamma))
    return out.replace(
        lambda e: isinstance(e, sp.log) and isinstance(e.args[0], sp.gamma)
        and e.args[0].args[0].is_positive,
        lambda e: sp.loggamma(e.args[0].args[0]))


#: log arguments that are split into factors: rational functions of symbols and numbers
def _splittable(arg: sp.Expr) -> bool:
    return arg.is_rational_function() and not arg.has(sp.I)


_MAX_OPS = 4000  # larger results are left to the cheap candidates


def _book_form(expr: sp.Expr) -> tuple[list[sp.Expr], dict] | None:
    """Candidates in the book's form and a point inside the logarithms' domain (where the caller
    checks them against ``expr``); ``None`` when ``expr`` is not a sum of logarithms this
    understands."""
    from ..functions import BinaryEntropy

    # h(p) is found again below: its logarithms take part in the collection (and cancel)
    if not _worth_it(expr):
        return None
    expr = expr.replace(lambda e: isinstance(e, BinaryEntropy), lambda e: e.rewrite(sp.log))
    if not expr.has(sp.log) or expr.has(sp.Piecewise) or sp.count_ops(expr) > _MAX_OPS:
        return None
    scale, body = sp.S.One, expr
    inverse_logs = [f for f in sp.Mul.make_args(expr) if f.is_Pow and f.exp == -1
                    and isinstance(f.base, sp.log) and f.base.args[0].is_number]
    if len(inverse_logs) == 1:  # a value over log b: in base b
        scale = inverse_logs[0]
        body = sp.Mul(*[f for f in sp.Mul.make_args(expr) if f is not scale])
    point = _inside_point(body)
    if point is None:
        return None
    # terms without logarithms stay as written ((σ₁² + (μ₁ − μ₂)²)/(2σ₂²), not multiplied out)
    terms = sp.Add.make_args(body)
    plain = sp.Add(*[t for t in terms if not t.has(sp.log)])
    found = _collect_logs(sp.Add(*[t for t in terms if t.has(sp.log)]), point)
    if found is None:
        return None
    logs, rest = found
    rest = _collect_rest(rest) + plain  # once: every candidate below shares it
    out = []
    for with_h in (True, False):
        for constants in ("separate", "combine", "absorb"):
            form = _assemble(logs, rest, with_h, constants, point)
            if scale is not sp.S.One:
                form = _in_base(form, scale.base.args[0])
            out.append(form)
    return list(dict.fromkeys(out)), point


def _worth_it(expr: sp.Expr) -> bool:
    """Whether the book form can differ from what the cheap candidates give (the engine calls
    tidy on every result): two logarithms of symbols, a logarithm of a compound argument (p/q,
    1 − p, p⁵, 1/det, 6/6^α), constants with π or e to gather, a value over log b, or h(p)."""
    from ..functions import BinaryEntropy

    if expr.has(BinaryEntropy):
        return True
    logs = expr.atoms(sp.log)
    numbers = [g for g in logs if g.args[0].is_number]
    if len(numbers) >= 2 and any(g.args[0].has(sp.pi, sp.E) for g in numbers):
        return True
    if any(isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, sp.log)
           for f in sp.Mul.make_args(expr)):
        return True
    symbolic = [g for g in logs if not g.args[0].is_number]
    if len(symbolic) >= 2:  # log a − log b = log(a/b)
        return True
    return any(not g.args[0].is_Symbol and (g.args[0].is_Mul or g.args[0].is_Pow
                                            or _splittable(g.args[0])) for g in symbolic)


def _symbols_point(symbols: set, rng: random.Random) -> dict:
    point = {}
    positives = [s for s in symbols if s.is_positive]
    top = 1 / (len(positives) + 1)
    for s in symbols:
        if s.is_integer:
            point[s] = sp.Integer(rng.randint(1, 4))
        elif s.is_positive or s.is_nonnegative:
            point[s] = sp.Rational(round(rng.uniform(0.02, top), 3)).limit_denominator(1000)
        else:
            point[s] = sp.Rational(round(rng.uniform(-0.9, 0.9), 3)).limit_denominator(1000)
    return point


def _inside_point(expr: sp.Expr) -> dict | None:
    """A random point where every logarithm's (rational) argument is positive: the results are
    entropies and divergences, whose logarithms are of probabilities and densities."""
    args = [a.args[0] for a in expr.atoms(sp.log) if _splittable(a.args[0])]
    symbols = expr.free_symbols
    rng = random.Random(20261202)
    for _ in range(40):
        point = _symbols_point(symbols, rng)
        try:
            if all(a.xreplace(point).is_positive for a in args):
                return point
        except (TypeError, ZeroDivisionError):
            continue
    return None


def _pieces(arg: sp.Expr, point: dict) -> list[tuple[sp.Expr, sp.Expr]] | None:
    """log(arg) as Σ k·log(piece): the irreducible factors of a rational argument, each with the
    sign it has at ``point`` (positive there, hence on the region where the argument is, which
    the numeric check confirms), numbers split into primes; other arguments are one piece."""
    if arg.is_number:
        if arg.is_Rational and arg > 0:
            return [(p, k) for p, k in _rational_pieces(arg)]
        return [(arg, sp.S.One)] if arg.is_positive else None
    if not _splittable(arg):
        return [(arg, sp.S.One)]
    num, den = sp.fraction(sp.together(arg))
    out: list[tuple[sp.Expr, sp.Expr]] = []
    sign = sp.S.One
    for part, power in ((num, 1), (den, -1)):
        content, factors = sp.factor_list(part)
        sign *= sp.sign(content) ** power
        out.extend((p, k * power) for p, k in _rational_pieces(abs(content)))
        for f, k in factors:
            at = f.xreplace(point)
            if at == 0:
                return None
            if at < 0:
                f, sign = -f, sign * (-1) ** k
            out.append((f, sp.Integer(k * power)))
    return out if sign == 1 else None


def _rational_pieces(r: sp.Rational) -> list[tuple[sp.Expr, sp.Expr]]:
    out = []
    for n, power in ((r.p, 1), (r.q, -1)):
        if n == 1:
            continue
        split = split_logs(sp.log(sp.Integer(n)))
        for term in sp.Add.make_args(split):
            k, lg = term.as_coeff_Mul()
            out.append((lg.args[0], k * power))
    return out


def _collect_logs(expr: sp.Expr, point: dict) -> tuple[dict, sp.Expr] | None:
    """{piece: coefficient} of the logarithms in ``expr`` and the rest (terms without logs)."""
    logs: dict[sp.Expr, sp.Expr] = {}
    rest = []
    memo: dict[sp.Expr, list | None] = {}
    for term in sp.Add.make_args(sp.expand(expr)):
        factors = sp.Mul.make_args(term)
        found = [f for f in factors if isinstance(f, sp.log)]
        if len(found) != 1 or any(f.has(sp.log) for f in factors if f is not found[0]):
            if term.has(sp.log) and any(isinstance(f, sp.Pow) and isinstance(f.base, sp.log)
                                        for f in factors):
                return None  # powers of logarithms: not a sum of logarithms
            rest.append(term)
            continue
        lg = found[0]
        coeff = sp.Mul(*[f for f in factors if f is not lg])
        arg = lg.args[0]
        if arg not in memo:
            memo[arg] = _pieces(arg, point)
        pieces = memo[arg]
        if pieces is None:
            return None
        for piece, k in pieces:
            logs[piece] = logs.get(piece, sp.S.Zero) + k * coeff
    logs = {p: _short(sp.expand(c)) for p, c in logs.items()}
    return {p: c for p, c in logs.items() if c != 0}, sp.Add(*rest)


def _short(c: sp.Expr) -> sp.Expr:
    if not c.free_symbols:
        return c
    return min((c, sp.factor(c), sp.cancel(c)), key=lambda e: (sp.count_ops(e), len(str(e))))


def _oriented(c: sp.Expr, point: dict) -> tuple[sp.Expr, int]:
    """(c or −c, the sign): the one positive at ``point`` (1 − p rather than p − 1, as
    probabilities are written)."""
    at = c.xreplace(point)
    if at.is_number and at.is_negative:
        return -c, -1
    if at.is_number and at.is_positive:
        return c, 1
    return (-c, -1) if c.could_extract_minus_sign() else (c, 1)


def _term(sign: int, c: sp.Expr, rest: sp.Expr) -> sp.Expr:
    # a held −1 keeps −(1 − p)·log(1 − p) as written (SymPy would distribute it into p − 1)
    if sign > 0:
        return c * rest
    if c.is_number:
        return -c * rest
    return sp.Mul(-1, c, rest, evaluate=False) if c.is_Add else -c * rest


def _assemble(logs: dict, rest: sp.Expr, with_h: bool, constants: str,
              point: dict) -> sp.Expr:
    """The sum of logarithms written back: ``with_h`` uses h(p) where it fits; ``constants`` is
    "separate" (each number's logarithm apart), "combine" (one logarithm of a number: log 4π)
    or "absorb" (the rational constant too: log σ + log(2πe)/2)."""
    from ..functions import BinaryEntropy

    logs = dict(logs)
    terms = []
    if with_h:
        # h(p) rather than h(1 − p): the simpler argument first
        for u in sorted(logs, key=lambda e: (sp.count_ops(e), sp.default_sort_key(e))):
            v = sp.expand(1 - u)
            if u not in logs or v not in logs or not u.free_symbols:
                continue
            k = sp.cancel(-logs[u] / u)
            if sp.expand(logs[v] + k * v) != 0 or (k == 1 and len(logs) == 2 and rest == 0):
                continue  # not k·h(u), or h(u) alone: the definition reads better
            others = {sp.expand(c) for p, c in logs.items() if p not in (u, v)}
            if others & {sp.expand(s * logs[w]) for w in (u, v) for s in (1, -1)}:
                continue  # u or 1 − u combines with another logarithm: p log(p/q)
            kk, sign = _oriented(k, point)
            terms.append(_term(sign, kk, BinaryEntropy(u)))
            del logs[u], logs[v]
    numbers = {p: c for p, c in logs.items() if not p.free_symbols}
    constant = None
    # logarithms of rationals stay split into primes (3 log(2)/2, not log(8)/2); with π or e
    # the constants read as one logarithm (log 4π, log(2πe)/2)
    if (constants != "separate" and numbers and all(c.is_Rational for c in numbers.values())
            and not all(p.is_Rational for p in numbers)):
        for p in numbers:
            del logs[p]
        d = math.lcm(*[int(c.q) for c in numbers.values()])
        product = sp.Mul(*[p ** (c * d) for p, c in numbers.items()])
        r = rest.as_coeff_Add()[0]
        if constants == "absorb" and r != 0 and (r * d).is_Integer:
            product, rest = product * sp.E ** (r * d), rest - r
        constant = (product, sp.Rational(1, d))
    # group the logarithms by coefficient (up to sign): c·(log a − log b) = c·log(a/b)
    groups: dict[sp.Expr, list] = {}
    for piece, c in logs.items():
        key, sign = _oriented(c, point)
        groups.setdefault(key, []).append((piece, sign))
    if constant is not None:
        if constant[1] in groups:
            groups[constant[1]].append((constant[0], 1))
        else:
            terms.append(constant[1] * sp.log(constant[0], evaluate=False))
    for c, members in groups.items():
        up = sp.Mul(*[p for p, s in members if s > 0])
        down = sp.Mul(*[p for p, s in members if s < 0])
        if up == 1:
            terms.append(_term(-1, c, _log_of(down)))
        else:
            terms.append(_term(1, c, _log_of(up / down)))
    return sp.Add(*terms, rest)


def _log_of(x: sp.Expr) -> sp.Expr:
    """log(x) with the argument multiplied out when that is shorter ((1 − ρ)(1 + ρ) → 1 − ρ²)."""
    expanded = sp.expand(x)
    arg = expanded if sp.count_ops(expanded) < sp.count_ops(x) else x
    return sp.log(arg, evaluate=False) if not arg.is_number else sp.log(arg)


def _collect_rest(rest: sp.Expr) -> sp.Expr:
    """Terms without logarithms, collected on their special functions: (1 − k)ψ(k)."""
    funcs = [f for f in rest.atoms(sp.Function) if f.free_symbols]
    if not funcs:
        return min((rest, sp.factor(rest), sp.cancel(rest)) if rest.free_symbols else (rest,),
                   key=lambda e: (sp.count_ops(e), len(str(e))))
    return sp.collect(rest, funcs, func=_short)


def _in_base(form: sp.Expr, base: sp.Expr) -> sp.Expr:
    """``form / log(base)`` term by term: log(base)/log(base) = 1, h(p)/log b = h_b(p)."""
    from ..functions import BinaryEntropy

    out = []
    for term in sp.Add.make_args(form):
        hs = [f for f in sp.Mul.make_args(term) if isinstance(f, BinaryEntropy)]
        if len(hs) == 1 and hs[0].base == sp.E:
            out.append(term.xreplace({hs[0]: BinaryEntropy(hs[0].p, base)}))
        else:
            out.append(term / sp.log(base))
    return sp.Add(*out)


def _agrees(a: sp.Expr, b: sp.Expr, point: dict) -> bool:
    """``a`` and ``b`` agree to 12 digits at ``point`` and at two more points inside."""
    points = [point]
    rng = random.Random(7)
    args = [x.args[0] for x in a.atoms(sp.log) if _splittable(x.args[0])]
    for _ in range(30):
        if len(points) == 3:
            break
        other = _symbols_point(a.free_symbols | b.free_symbols, rng)
        if all(x.xreplace(other).is_positive for x in args):
            points.append(other)
    try:
        for pt in points:
            va, vb = sp.N(a.xreplace(pt), 20), sp.N(b.xreplace(pt), 20)
            if not (va.is_number and vb.is_number):
                return False
            if abs(va - vb) > 1e-12 * max(1, abs(va)):
                return False
    except (TypeError, ValueError, ZeroDivisionError):
        return False
    return True
