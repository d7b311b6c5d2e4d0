"""Score LaTeX parsers on LATEX_TABLE: ours, SymPy's ANTLR backend and SymPy's Lark backend.

Not a test (needs lark and antlr4-python3-runtime==4.11 installed by hand); run as
``PYTHONPATH=/path/to/antlr411:. python tests/parsing/parsing_compare_latex_parsers.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from parsing_latex_table import LATEX_TABLE, same

from symbinfo.parsing import parse_latex


def sympy_backend(name: str):
    from sympy.parsing.latex import parse_latex as sympy_parse_latex

    return lambda s: sympy_parse_latex(s.strip("$"), backend=name)


def main() -> None:
    parsers = {"symbinfo": parse_latex, "sympy-antlr": sympy_backend("antlr"),
               "sympy-lark": sympy_backend("lark")}  # fmt: skip
    totals = {nm: [0, 0] for nm in parsers}
    for tex, want in LATEX_TABLE:
        row = []
        for nm, parse in parsers.items():
            try:
                got = parse(tex)
            except Exception as exc:
                got = exc
            strict, lenient = same(got, want), same(got, want, lenient=True)
            totals[nm][0] += strict
            totals[nm][1] += lenient
            row.append("ok" if strict else ("ok~" if lenient else "FAIL"))
        print(f"| `{tex}` | " + " | ".join(row) + " |")
    print(f"\n{len(LATEX_TABLE)} formulas")
    for nm, (s, lz) in totals.items():
        print(f"{nm}: strict {s}, lenient {lz}")


if __name__ == "__main__":
    main()
