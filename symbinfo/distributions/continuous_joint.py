"""Joint differential entropy of continuous random variables that are not one multivariate normal.

Two readers, each giving h(atoms) in nats (``None`` when the input is not theirs):

- :func:`linear_joint_entropy`: atoms that are functions of *independent* univariate sympy.stats
  variables (``X``, ``a*X + N``, ``X + Y`` ...). Groups of atoms that share no variable are
  independent, so their entropies add. A group of one atom is the law of a function
  (:mod:`~symbinfo.distributions.transformed`). A group of atoms that are affine in its k
  variables with an invertible k×k matrix A is a bijection of them:
  h(A V + b) = Σ h(V_i) + log|det A| (Cover & Thomas, 2nd ed., Cor. to Thm 8.6.4). Atoms of normal
  variables are jointly normal with covariance A D Aᵀ (any number of atoms, any rank): the MVN
  entropy; a singular covariance (atoms linearly dependent) gives -oo.
- :func:`density_joint_entropy`: components ``J[i]`` of one ``sympy.stats.JointRV`` with a user
  density written as ``Piecewise((f, conditions), (0, True))`` (or an expression positive on
  the whole space); the conditions are linear inequalities, read as iterated integration limits
  (so non-rectangular supports such as the triangle 0 < y < x < 1 work). Marginals are the
  density integrated over the other components; each integral is closed by SymPy within the
  budget, or stays an honest ``Integral`` (which still evaluates numerically).

>>> import sympy as sp
>>> from sympy.stats import Normal
>>> s, n = sp.symbols("s n", positive=True)
>>> X, N = Normal("X", 0, s), Normal("N", 0, n)
>>> import symbinfo as si  # the entropy of one distribution (the engine passes its own)
>>> h = linear_joint_entropy([X, X + N], si.entropy) - linear_joint_entropy([X, N], si.entropy)
>>> sp.simplify(h)
0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sympy as sp
from sympy.stats.crv import SingleContinuousDistribution
from sympy.stats.crv_types import NormalDistribution
from sympy.stats.joint_rv import JointRandomSymbol
from sympy.stats.joint_rv_types import JointDistributionHandmade
from sympy.stats.rv import Distribution, RandomSymbol, random_symbols

from ..derivation.budget import integrate_within
from .view import distribution

# --- functions of independent univariate variables -------------------------------------------


def _bases(atom: sp.Expr) -> set[RandomSymbol] | None:
    found = random_symbols(atom)
    if not found or not all(
            isinstance(rv, RandomSymbol) and not isinstance(rv, JointRandomSymbol)
            and isinstance(rv.pspace.distribution, SingleContinuousDistribution)
            for rv in found):
        return None
    return set(found)


def _groups(atoms: Sequence[sp.Expr], bases: list[set]) -> list[tuple[list, set]]:
    """Atoms grouped into classes that share variables (independent classes)."""
    groups: list[tuple[list, set]] = []
    for atom, found in zip(atoms, bases, strict=True):
        merged_atoms, merged = [atom], set(found)
        rest = []
        for g_atoms, g_bases in groups:
            if g_bases & merged:
                merged_atoms = g_atoms + merged_atoms
                merged |= g_bases
            else:
                rest.append((g_atoms, g_bases))
        groups = [*rest, (merged_atoms, merged)]
    return groups


def _affine_matrix(atoms: list, variables: list) -> sp.Matrix | None:
    rows = []
    for atom in atoms:
        row = [sp.diff(atom, v) for v in variables]
        if any(c.has(*variables) for c in row):
            return None
        rows.append(row)
    return sp.Matrix(rows)


def _group_entropy(atoms: list, variables: set, entropy_of: Callable[[Distribution], sp.Expr]
                   ) -> sp.Expr | None:
    from ..closedforms.multivariate import mvn_entropy

    if len(atoms) == 1:
        return entropy_of(distribution(atoms[0]))
    order = sorted(variables, key=sp.default_sort_key)
    A = _affine_matrix(atoms, order)
    if A is None:
        return None
    dists = [v.pspace.distribution for v in order]
    if all(isinstance(d, NormalDistribution) for d in dists):
        cov = A * sp.diag(*(d.std**2 for d in dists)) * A.T
        det = sp.factor(cov.det())
        return -sp.oo if det == 0 else mvn_entropy(cov)
    if A.rank() < len(atoms):
        return -sp.oo  # the atoms live on a lower-dimensional set: no density
    if len(atoms) != len(order):
        return None
    parts = [entropy_of(d) for d in dists]
    return sp.Add(*parts) + sp.log(sp.Abs(sp.factor(A.det())))


def linear_joint_entropy(atoms: Sequence[sp.Expr],
                         entropy_of: Callable[[Distribution], sp.Expr]) -> sp.Expr | None:
    """h(atoms) for functions of independent univariate continuous variables (see the module
    docstring); ``None`` when the atoms are not of that kind or the group is not a bijection.
    ``entropy_of`` gives the entropy of one distribution (the engine's, which calls this).

    >>> from sympy.stats import Exponential
    >>> X, Y = Exponential("X", 1), Exponential("Y", 1)
    >>> from symbinfo import entropy
    >>> linear_joint_entropy([X, X + Y], entropy), linear_joint_entropy([X, Y, X + Y], entropy)
    (2, -oo)
    """
    atoms = list(dict.fromkeys(atoms))
    bases = [_bases(a) for a in atoms]
    if any(b is None for b in bases):
        return None
    total = sp.S.Zero
    for group_atoms, group_bases in _groups(atoms, bases):
        value = _group_entropy(group_atoms, group_bases, entropy_of)
        if value is None:
            return None
        total += value
    return total


# --- a user density (sympy.stats JointRV) ------------------------------------------------------


def _handmade(atom: sp.Basic) -> tuple[JointRandomSymbol, int] | None:
    if isinstance(atom, sp.Indexed) and isinstance(atom.base, JointRandomSymbol):
        (i,) = atom.indices
        dist = atom.base.pspace.distribution
        if isinstance(dist, JointDistributionHandmade) and i.is_Integer:
            return atom.base, int(i)
    return None


def _relations(cond: sp.Basic) -> list | None:
    parts = cond.args if isinstance(cond, sp.And) else (cond,)
    if not all(isinstance(p, (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan,
                              sp.GreaterThan)) for p in parts):
        return None
    return [p.lts - p.gts for p in parts]  # each relation as  e < 0


def _limits(relations: list, order: list) -> list[tuple] | None:
    """Iterated limits [(v, lo, hi)], outermost first, for the region {e < 0 for e in
    relations} in ``order`` (outermost first); None when a relation is not linear."""
    limits = []
    pending = list(relations)
    for v in reversed(order):
        lows, highs, keep = [], [], []
        for e in pending:
            c = sp.diff(e, v)
            if c.has(*order):
                return None
            if c == 0:
                keep.append(e)
                continue
            bound = sp.expand(v - e / c)  # e < 0  <=>  v < bound (c > 0) or v > bound (c < 0)
            if c.is_positive:
                highs.append(bound)
            elif c.is_negative:
                lows.append(bound)
            else:
                return None
        lo = sp.Max(*lows) if lows else -sp.oo
        hi = sp.Min(*highs) if highs else sp.oo
        # the region is nonempty in v only where lo < hi
        keep += [sp.expand(a - b) for a in lows for b in highs if (a - b).has(*order)]
        limits.append((v, lo, hi))
        pending = [e for e in dict.fromkeys(keep) if e != 0]
    return limits[::-1]


def _density(base: JointRandomSymbol) -> tuple[list, sp.Expr, list | None]:
    """(component symbols, density on the support, linear relations of the support (None when
    they are not linear inequalities))."""
    pdf = base.pspace.distribution.args[0]
    syms = list(pdf.variables)
    expr = pdf.expr
    if isinstance(expr, sp.Piecewise):
        if len(expr.args) != 2 or expr.args[1] != (0, True):
            return syms, expr, None
        expr, cond = expr.args[0]
        return syms, expr, _relations(cond)
    return syms, expr, []


def _integrate_one(expr: sp.Expr, lim: tuple) -> sp.Expr | None:
    """∫ expr d v over (v, lo, hi), closed within the budget, or None. A real integrand must
    give a real value: SymPy's antiderivatives of x log(c - x) carry log(x - c), which is
    complex at the lower end, so a result with I is retried measured from either end
    (v = lo + u or v = hi - u with u > 0, where log(c u) splits soundly)."""
    v, lo, hi = lim
    u = sp.Dummy("u", positive=True)
    tries = [(expr, lim)]
    if hi.is_finite is not False:
        tries.append((expr.subs(v, hi - u), (u, 0, hi - lo)))
    if lo.is_finite is not False:
        tries.append((expr.subs(v, lo + u), (u, 0, hi - lo)))
    for integrand, limits in tries:
        integrand = sp.expand(sp.expand_log(integrand))
        closed = integrate_within(integrand, limits)
        if closed is None and isinstance(integrand, sp.Add):  # term by term, each budgeted
            parts = [integrate_within(term, limits) for term in integrand.args]
            closed = None if any(c is None for c in parts) else sp.Add(*parts)
        if closed is not None and not closed.has(sp.I):
            return closed
    return None


def _integrate(expr: sp.Expr, limits: list[tuple]) -> sp.Expr:
    """∫ expr over ``limits`` (innermost last), closed within the budget where SymPy can."""
    for lim in reversed(limits):
        closed = _integrate_one(expr, lim) if not expr.has(sp.Integral) else None
        expr = sp.Integral(expr, lim) if closed is None else sp.expand(closed)
    return expr


def _entropy_of_subset(syms: list, f: sp.Expr, relations: list | None,
                       keep: list[int]) -> sp.Expr | None:
    kept = [syms[i] for i in keep]
    others = [s for i, s in enumerate(syms) if i not in keep]
    real = {s: sp.Dummy(str(s).replace("[", "").replace("]", ""), real=True) for s in syms}
    f = f.xreplace(real)
    relations = None if relations is None else [r.xreplace(real) for r in relations]
    order = [real[s] for s in (*kept, *others)]
    limits = _limits(relations, order) if relations is not None else None
    if limits is None:  # a support not cut out by linear inequalities: the definition over
        # the whole space, h = -∫ f log m, m the marginal written with Heaviside indicators
        # (a Piecewise inside an Integral inside a Piecewise is folded wrongly by SymPy)
        if relations is None:
            return None
        fresh = {real[s]: sp.Dummy(real[s].name, real=True) for s in others}
        indicator = sp.Mul(*(sp.Heaviside(-e) for e in relations))
        marginal = sp.Integral((f * indicator).xreplace(fresh),
                               *((v, -sp.oo, sp.oo) for v in fresh.values())) if fresh else f
        inside = sp.And(*(e < 0 for e in relations))
        whole = sp.Piecewise((f * sp.log(marginal), inside), (0, True), evaluate=False)
        return -sp.Integral(whole, *((real[s], -sp.oo, sp.oo) for s in (*others, *kept)))
    # a variable whose range starts at 0 or above is positive: log(y exp(-y)) then splits
    positive = {v: sp.Dummy(v.name, positive=True) for v, lo, _ in limits if lo.is_nonnegative}
    f = f.xreplace(positive)
    limits = [tuple(e.xreplace(positive) for e in lim) for lim in limits]
    outer, inner = limits[: len(kept)], limits[len(kept):]
    marginal = _integrate(f, inner)
    if marginal.has(sp.Integral):
        return -sp.Integral(marginal * sp.log(marginal), *outer[::-1])
    return _integrate(-marginal * sp.log(marginal), outer)


def density_joint_entropy(atoms: Sequence[sp.Basic]) -> sp.Expr | None:
    """h(atoms) for components of one ``JointRV`` with a user density (module docstring).

    >>> from sympy.stats import JointRV
    >>> J = sp.IndexedBase("J")
    >>> T = JointRV("J", sp.Piecewise((2, (J[1] > 0) & (J[1] < J[0]) & (J[0] < 1)), (0, True)))
    >>> density_joint_entropy([T[0], T[1]]), density_joint_entropy([T[0]])
    (-log(2), 1/2 - log(2))
    """
    found = [_handmade(a) for a in atoms]
    if not found or any(f is None for f in found) or len({b for b, _ in found}) != 1:
        return None
    base = found[0][0]
    syms, f, relations = _density(base)
    keep = sorted(dict.fromkeys(i for _, i in found))
    return _entropy_of_subset(syms, f, relations, keep)
