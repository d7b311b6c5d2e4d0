"""The two linear programs behind the prover, solved exactly (with an optional float shortcut).

Let the columns ``a_k`` be the elemental quantities and the assumed constraints, written as
vectors over the joint-entropy coordinates, and ``t`` the target. Farkas' lemma says exactly one
of these holds:

* **certificate**: multipliers ``lam_k`` (``>= 0`` for inequalities, free for equalities) with
  ``sum_k lam_k a_k == t``; then ``t >= 0`` on the whole constrained Shannon cone;
* **witness**: a vector ``h`` with ``a_k . h >= 0`` (``== 0`` for equalities) and ``t . h < 0``.

Both are searched with exact rational arithmetic by the small two-phase simplex below (Bland's
rule, ``fractions.Fraction``); SymPy 1.14's ``sympy.solvers.simplex.linprog`` is exact too but was
far too slow here (no answer after 40 s on the 4-variable Zhang-Yeung LP).
When SciPy is installed a float LP (HiGHS) is solved first only to *guess* the support of a
certificate or a rational witness; every guess is re-derived and checked exactly, and the exact
LP is used whenever a guess fails. SciPy is optional and never decides a verdict.
"""

from __future__ import annotations

from fractions import Fraction

__all__ = [
    "exact_certificate",
    "exact_witness",
    "float_certificate_guess",
    "float_witness_guess",
    "have_scipy",
    "simplex",
    "solve_linear",
]

Vec = dict[int, Fraction]


def have_scipy() -> bool:
    """True when ``scipy.optimize.linprog`` can be imported (used only as a fast pre-check)."""
    try:
        from scipy.optimize import linprog  # noqa: F401
    except Exception:  # SciPy is optional: any import failure just disables the shortcut
        return False
    return True


def solve_linear(columns: list[Vec], rhs: Vec, nrows: int) -> list[Fraction] | None:
    """Exact solution ``x`` of ``sum_k x_k columns[k] == rhs`` (free variables set to 0).

    Gaussian elimination over ``Fraction``; returns ``None`` when the system is inconsistent.

    >>> from fractions import Fraction as F
    >>> solve_linear([{0: F(1)}, {0: F(1), 1: F(2)}], {0: F(3), 1: F(4)}, 2)
    [Fraction(1, 1), Fraction(2, 1)]
    """
    ncols = len(columns)
    rows = [[Fraction(0)] * (ncols + 1) for _ in range(nrows)]
    for k, col in enumerate(columns):
        for r, v in col.items():
            rows[r][k] = Fraction(v)
    for r, v in rhs.items():
        rows[r][ncols] = Fraction(v)
    pivots: list[int] = []
    prow = 0
    for c in range(ncols):
        sel = next((r for r in range(prow, nrows) if rows[r][c] != 0), None)
        if sel is None:
            continue
        rows[prow], rows[sel] = rows[sel], rows[prow]
        piv = rows[prow][c]
        rows[prow] = [v / piv for v in rows[prow]]
        for r in range(nrows):
            if r != prow and rows[r][c] != 0:
                f = rows[r][c]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[prow], strict=True)]
        pivots.append(c)
        prow += 1
        if prow == nrows:
            break
    if any(rows[r][ncols] != 0 for r in range(prow, nrows)):
        return None
    x = [Fraction(0)] * ncols
    for r, c in enumerate(pivots):
        x[c] = rows[r][ncols]
    return x


def _dense(columns: list[Vec], nrows: int) -> list[list[float]]:
    out = [[0.0] * len(columns) for _ in range(nrows)]
    for k, col in enumerate(columns):
        for r, v in col.items():
            out[r][k] = float(v)
    return out


def float_certificate_guess(
    columns: list[Vec], free: list[bool], target: Vec, nrows: int
) -> tuple[str, list[Fraction] | None]:
    """Guess a certificate with a float LP, then re-derive it exactly on the guessed support.

    Returns ``("feasible", x)`` with an exactly checked ``x`` (or ``None`` if the exact
    re-derivation failed), ``("infeasible", None)`` when the float LP reports no certificate, or
    ``("unknown", None)``. Only an exactly checked ``x`` may be trusted.
    """
    from scipy.optimize import linprog

    # Minimising the total multiplier tends to give short, readable certificates.
    c = [0.0 if f else 1.0 for f in free]
    bounds = [(None, None) if f else (0, None) for f in free]
    b = [float(target.get(r, 0)) for r in range(nrows)]
    res = linprog(c, A_eq=_dense(columns, nrows), b_eq=b, bounds=bounds, method="highs")
    if res.status == 2:
        return "infeasible", None
    if res.status != 0:
        return "unknown", None
    support = [k for k, v in enumerate(res.x) if abs(v) > 1e-9]
    sol = solve_linear([columns[k] for k in support], target, nrows)
    if sol is None:
        return "feasible", None
    x = [Fraction(0)] * len(columns)
    for k, v in zip(support, sol, strict=True):
        x[k] = v
    if any(v < 0 and not free[k] for k, v in enumerate(x)):
        return "feasible", None
    return "feasible", x


def float_witness_guess(
    ge_rows: list[Vec], eq_rows: list[Vec], target: Vec, ncoords: int
) -> list[Fraction] | None:
    """Guess a witness ``h`` (rows . h >= 0, eq rows . h == 0, target . h == -1) by float LP.

    The float vertex is rounded to small-denominator rationals; the caller must check it exactly.
    """
    from scipy.optimize import linprog

    a_ub = [[-float(r.get(j, 0)) for j in range(ncoords)] for r in ge_rows]
    b_ub = [0.0] * len(ge_rows)
    a_eq = [[float(r.get(j, 0)) for j in range(ncoords)] for r in eq_rows]
    a_eq.append([float(target.get(j, 0)) for j in range(ncoords)])
    b_eq = [0.0] * len(eq_rows) + [-1.0]
    # Minimise the total entropy so the vertex found is small and readable.
    res = linprog(
        [1.0] * ncoords,
        A_ub=a_ub,
        b_ub=b_ub,
        A_eq=a_eq,
        b_eq=b_eq,
        bounds=(0, None),
        method="highs",
    )
    if res.status != 0:
        return None
    return [Fraction(float(v)).limit_denominator(1000) for v in res.x]


def simplex(a: list[list[Fraction]], b: list[Fraction], c: list[Fraction]) -> list[Fraction] | None:
    """Exact two-phase simplex: minimise ``c . x`` subject to ``a x == b``, ``x >= 0``.

    Returns an optimal vertex, or ``None`` when infeasible. Bland's rule (smallest index enters
    and leaves) guarantees termination on degenerate problems, which these cones are. Callers
    only pass problems bounded below (all costs ``>= 0``); unboundedness raises ``ArithmeticError``.

    >>> from fractions import Fraction as F
    >>> simplex([[F(1), F(1)]], [F(2)], [F(1), F(3)])
    [Fraction(2, 1), Fraction(0, 1)]
    >>> simplex([[F(1), F(1)]], [F(-1)], [F(0), F(0)]) is None
    True
    """
    m = len(a)
    n = len(c)
    # Tableau rows: n original columns, m artificial columns, then the right-hand side.
    rows: list[list[Fraction]] = []
    for i in range(m):
        r = [Fraction(v) for v in a[i]]
        rhs = Fraction(b[i])
        if rhs < 0:
            r, rhs = [-v for v in r], -rhs
        art = [Fraction(0)] * m
        art[i] = Fraction(1)
        rows.append(r + art + [rhs])
    basis = [n + i for i in range(m)]
    width = n + m

    def run(cost: list[Fraction], allowed: int) -> None:
        # Reduced costs d_j = cost_j - sum_i cost_{basis_i} * rows[i][j], objective in d[-1].
        d = [*cost, Fraction(0)]
        for i, bi in enumerate(basis):
            cb = cost[bi]
            if cb:
                ri = rows[i]
                d = [dj - cb * rij for dj, rij in zip(d, ri, strict=True)]
        while True:
            enter = next((j for j in range(allowed) if d[j] < 0), None)
            if enter is None:
                return
            best: tuple[Fraction, int, int] | None = None
            for i, ri in enumerate(rows):
                if ri[enter] > 0:
                    key = (ri[-1] / ri[enter], basis[i], i)
                    if best is None or key < best:
                        best = key
            if best is None:
                raise ArithmeticError("unbounded linear program")
            _pivot(rows, best[2], enter)
            basis[best[2]] = enter
            f = d[enter]
            pr = rows[best[2]]
            d = [dj - f * pj if pj else dj for dj, pj in zip(d, pr, strict=True)]

    phase1 = [Fraction(0)] * n + [Fraction(1)] * m
    run(phase1, width)
    if any(rows[i][-1] != 0 for i, bi in enumerate(basis) if bi >= n):
        return None
    # Drive zero-valued artificials out of the basis; drop rows that are redundant.
    i = 0
    while i < len(rows):
        if basis[i] >= n:
            j = next((j for j in range(n) if rows[i][j] != 0), None)
            if j is None:
                del rows[i]
                del basis[i]
                continue
            _pivot(rows, i, j)
            basis[i] = j
        i += 1
    run(list(c) + [Fraction(0)] * m, n)
    x = [Fraction(0)] * n
    for i, bi in enumerate(basis):
        x[bi] = rows[i][-1]
    return x


def _pivot(rows: list[list[Fraction]], r: int, col: int) -> None:
    piv = rows[r][col]
    pr = [v / piv for v in rows[r]]
    rows[r] = pr
    nz = [j for j, v in enumerate(pr) if v]  # pivot rows are sparse: touch only non-zeros
    for i, ri in enumerate(rows):
        if i != r and ri[col]:
            f = ri[col]
            for j in nz:
                ri[j] -= f * pr[j]


def exact_certificate(
    columns: list[Vec], free: list[bool], target: Vec, nrows: int
) -> list[Fraction] | None:
    """Exact certificate search (own rational simplex); ``None`` when none exists.

    Free multipliers (equality constraints) are split as ``u - v`` with ``u, v >= 0``; the total
    multiplier of the inequalities is minimised, which favours short certificates.
    """
    ncols = len(columns)
    split = [k for k in range(ncols) if free[k]]
    a = [[Fraction(0)] * (ncols + len(split)) for _ in range(nrows)]
    for k, col in enumerate(columns):
        for r, v in col.items():
            a[r][k] = Fraction(v)
    for extra, k in enumerate(split):
        for r, v in columns[k].items():
            a[r][ncols + extra] = -Fraction(v)
    b = [Fraction(target.get(r, 0)) for r in range(nrows)]
    c = [Fraction(0 if f else 1) for f in free] + [Fraction(0)] * len(split)
    x = simplex(a, b, c)
    if x is None:
        return None
    out = x[:ncols]
    for extra, k in enumerate(split):
        out[k] -= x[ncols + extra]
    return out


def exact_witness(
    ge_rows: list[Vec], eq_rows: list[Vec], target: Vec, ncoords: int
) -> list[Fraction] | None:
    """Exact witness search: ``h >= 0`` with ``ge_rows . h >= 0``, ``eq_rows . h == 0`` and
    ``target . h == -1`` (the total entropy is minimised); ``None`` when there is none.
    """
    nslack = len(ge_rows)
    width = ncoords + nslack
    a: list[list[Fraction]] = []
    for k, r in enumerate(ge_rows):  # r . h - s_k == 0, s_k >= 0
        row = [Fraction(0)] * width
        for j, v in r.items():
            row[j] = Fraction(v)
        row[ncoords + k] = Fraction(-1)
        a.append(row)
    for r in [*eq_rows, target]:
        row = [Fraction(0)] * width
        for j, v in r.items():
            row[j] = Fraction(v)
        a.append(row)
    b = [Fraction(0)] * (len(ge_rows) + len(eq_rows)) + [Fraction(-1)]
    c = [Fraction(1)] * ncoords + [Fraction(0)] * nslack
    x = simplex(a, b, c)
    return None if x is None else x[:ncoords]
