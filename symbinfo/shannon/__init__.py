"""A distribution-free prover for Shannon-type linear information inequalities and identities.

Build expressions with :func:`H` and :func:`I`, claims with :func:`ge`, :func:`le`, :func:`eq`
(or ``>=`` / ``<=`` between expressions), and call :func:`prove`:

>>> from symbinfo.shannon import H, I, ge, le, prove, markov_chain
>>> bool(prove(ge(H("X", "Y"), H("X"))))
True
>>> r = prove(le(I("X", "Z"), I("X", "Y")), constraints=[markov_chain("X", "Y", "Z")])
>>> r.status
'proved'
>>> prove(le(I("X", "Y"), I("X", "Y", given="Z"))).status
'not provable'
"""

from .elemental import ElementalTerm, elemental_inequalities
from .expressions import H, I, InfoExpr, from_sympy
from .prover import Certificate, ConstraintTerm, ShannonResult, prove
from .statements import (
    Constraint,
    Statement,
    as_statement,
    eq,
    function_of,
    ge,
    independent,
    le,
    markov_chain,
)

__all__ = [
    "Certificate",
    "Constraint",
    "ConstraintTerm",
    "ElementalTerm",
    "H",
    "I",
    "InfoExpr",
    "ShannonResult",
    "Statement",
    "as_statement",
    "elemental_inequalities",
    "eq",
    "from_sympy",
    "function_of",
    "ge",
    "independent",
    "le",
    "markov_chain",
    "prove",
]
