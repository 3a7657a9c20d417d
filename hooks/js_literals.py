"""The string and template literals of a JavaScript file, in order: what a minifier must leave untouched.

A small scanner, not a parser: it knows comments, '…' and "…" strings, template literals with `${…}`
substitutions (nested to any depth) and regular-expression literals (a `/` where an operand is expected).
hooks/minify_assets.py compares the literals of each source with those of its minified copy and stops the
build on any difference: rJSmin, for one, collapsed the spaces inside template literals nested in a
substitution (the calculators showed "2of 3replicas needed").
"""

from __future__ import annotations

from dataclasses import dataclass

# After one of these (or at the start), a "/" begins a regular expression, not a division.
_REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^")
_REGEX_KEYWORDS = ("return", "typeof", "case", "do", "else", "in", "of", "void", "delete", "throw", "new")


class JsScanError(ValueError):
    pass


@dataclass(frozen=True)
class Literal:
    kind: str  # "string", "template" (a static chunk of a template literal) or "regex"
    text: str
    line: int
    nested: bool = False  # a template literal inside another one's ${…}


def _regex_allowed(src: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and src[j] in " \t\r\n":
        j -= 1
    if j < 0 or src[j] in _REGEX_AFTER:
        return True
    k = j
    while k >= 0 and (src[k].isalnum() or src[k] in "_$"):
        k -= 1
    return src[k + 1 : j + 1] in _REGEX_KEYWORDS


def literals(src: str) -> list[Literal]:
    out: list[Literal] = []
    stack: list[int] = []  # per open template substitution: its brace depth
    depth = 0
    i, n = 0, len(src)

    def line_at(pos: int) -> int:
        return src.count("\n", 0, pos) + 1

    def template_chunks(start: int) -> int:
        """Scan a template from its opening backtick; return the index after the closing backtick or "${"."""
        j = start + 1
        buf = []
        while j < n:
            c = src[j]
            if c == "\\":
                buf.append(src[j : j + 2])
                j += 2
                continue
            if c == "`":
                out.append(Literal("template", "".join(buf), line_at(start), bool(stack)))
                return j + 1
            if c == "$" and src.startswith("${", j):
                out.append(Literal("template", "".join(buf), line_at(start), bool(stack)))
                return -(j + 2)  # negative: a substitution opens here
            buf.append(c)
            j += 1
        raise JsScanError(f"unterminated template literal from line {line_at(start)}")

    def resume(pos: int) -> int:
        nonlocal depth
        r = template_chunks(pos)
        if r < 0:
            stack.append(depth)
            depth += 1
            return -r
        return r

    while i < n:
        c = src[i]
        if src.startswith("//", i):  # never an empty regular expression, which JavaScript does not have
            i = src.find("\n", i)
            i = n if i < 0 else i
        elif src.startswith("/*", i):
            end = src.find("*/", i + 2)
            if end < 0:
                raise JsScanError(f"unterminated comment from line {line_at(i)}")
            i = end + 2
        elif c in "'\"":
            j = i + 1
            while j < n and src[j] != c:
                if src[j] == "\n":
                    raise JsScanError(f"unterminated string on line {line_at(i)}")
                j += 2 if src[j] == "\\" else 1
            if j >= n:
                raise JsScanError(f"unterminated string on line {line_at(i)}")
            out.append(Literal("string", src[i + 1 : j], line_at(i)))
            i = j + 1
        elif c == "`":
            i = resume(i)
        elif c == "/" and _regex_allowed(src, i):
            j, in_class = i + 1, False
            while j < n and (in_class or src[j] != "/"):
                if src[j] == "\n":
                    raise JsScanError(f"unterminated regular expression on line {line_at(i)}")
                if src[j] == "\\":
                    j += 1
                elif src[j] == "[":
                    in_class = True
                elif src[j] == "]":
                    in_class = False
                j += 1
            out.append(Literal("regex", src[i + 1 : j], line_at(i)))
            i = j + 1
        elif c == "{":
            depth += 1
            i += 1
        elif c == "}":
            depth -= 1
            if stack and depth == stack[-1]:
                stack.pop()
                i = resume(i)  # the template continues after its substitution
            else:
                i += 1
        else:
            i += 1
    if stack:
        raise JsScanError("a template substitution is never closed")
    return out


def nested_templates(src: str) -> list[int]:
    """Lines where a template literal starts inside another template's substitution."""
    return sorted({lit.line for lit in literals(src) if lit.kind == "template" and lit.nested})
