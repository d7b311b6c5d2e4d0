"""30-digit mpmath quadrature over the plane and the 2-simplex, for the multivariate checks.

- :func:`plane`: ∫_{R²} g in polar coordinates about a centre, after the linear map L
  (x = centre + L (r cos t, r sin t), dx = det L r dr dt): the angle by the trapezoidal rule
  (exponentially accurate for a smooth periodic integrand; exact for one radial in the mapped
  coordinates, so ``n_angles=1`` then), the radius by Gauss–Legendre on cells up to ``radius``
  (Gaussian tails) or tanh-sinh to infinity (heavy tails).
- :func:`simplex`: ∫ over {x, y > 0, x + y < 1} of g(x, y, 1 - x - y), by x = u,
  y = (1 - u) v (dx dy = (1 - u) du dv) and nested tanh-sinh (endpoint powers are harmless).

Densities come from SymPy's own pdf (``density``), compiled for a private mpmath context, never
from the rules under test.
"""

from __future__ import annotations

import mpmath as mp
import sympy as sp

DPS = 32
ctx = mp.MPContext()
ctx.dps = DPS


def num(e) -> mp.mpf:
    return ctx.mpf(str(sp.N(e, DPS + 8)))


def density(dist, k: int):
    """SymPy's pdf of ``dist`` (a k-variate distribution) as an mpmath function of k reals."""
    xs = sp.symbols(f"x0:{k}", real=True)
    expr = dist.pdf(*xs) if k != 2 or not hasattr(dist, "mu") else dist.pdf(sp.Matrix(xs))
    return sp.lambdify(xs, expr, modules=[{n: getattr(ctx, n) for n in dir(ctx)
                                           if not n.startswith("_")}, "mpmath"])


def plane(g, centre, L, n_angles: int = 96, radius=None) -> mp.mpf:
    """∫_{R²} g(x, y) dx dy (see the module docstring); L lower triangular."""
    c0, c1 = (num(v) for v in centre)
    (a, b, d) = num(L[0, 0]), num(L[1, 0]), num(L[1, 1])
    total = ctx.zero
    for j in range(n_angles):
        t = 2 * ctx.pi * j / n_angles + ctx.pi / 7  # off the axes (any phase is exact)
        c, s = ctx.cos(t), ctx.sin(t)

        def ray(r, c=c, s=s):
            return g(c0 + a * r * c, c1 + b * r * c + d * r * s) * r

        if radius is None:
            total += ctx.quad(ray, [0, 1, 4, ctx.inf])
        else:
            cells = [radius * k / 6 for k in range(7)]
            total += ctx.quad(ray, cells, method="gauss-legendre")
    return total * 2 * ctx.pi / n_angles * a * d


def simplex(g) -> mp.mpf:
    """∫ g(x, y, 1 - x - y) over the 2-simplex."""
    def inner(u):
        w = 1 - u
        return ctx.quad(lambda v: g(u, w * v, w * (1 - v)) * w, [0, 1])

    return ctx.quad(inner, [0, 1])


def close(value, truth, digits: int = 25) -> None:
    assert not value.has(sp.Integral), value
    got = num(value)
    assert abs(got - truth) <= ctx.mpf(10) ** -digits * max(1, abs(truth)), (value, got, truth)
