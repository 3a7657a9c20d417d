"""Security arithmetic: password-hash cost parameters and token sizes.

- scrypt memory = 128 × N × r bytes, with N = 2^log2_n (Percival, "Stronger key derivation via
  sequential memory-hard functions", 2009; RFC 7914).
- bcrypt runs 2^cost rounds of its expensive key setup: each +1 on the cost doubles the work
  (Provos and Mazières, "A Future-Adaptable Password Scheme", USENIX 1999).
- Argon2 memory is given in KiB (RFC 9106, parameter m); shown here in IEC units.
- base64url without padding (RFC 4648 §5, as JWTs use it, RFC 7515) writes n bytes as ⌈4n ÷ 3⌉ characters.
"""

from __future__ import annotations

from .fmt import NBSP, fmt_count, fmt_size
from .validate import positive_int

__all__ = ["argon2_memory", "base64url_length", "bcrypt_rounds", "scrypt_memory"]


def scrypt_memory(log2_n: object, r: object = 8) -> str:
    """Memory one scrypt hash needs, 128 × 2^log2_n × r bytes, in IEC units: scrypt_memory(17, 8) → '128 MiB'."""
    k = positive_int("log2_n", log2_n, maximum=40)
    block = positive_int("r", r, maximum=1_024)
    return fmt_size(128 * 2**k * block, iec=True)


def bcrypt_rounds(cost: object) -> str:
    """Expensive key-setup rounds for a bcrypt cost (4–31): 2^cost. bcrypt_rounds(10) → '1,024'."""
    c = positive_int("cost", cost, minimum=4, maximum=31)
    return fmt_count(2**c)


def argon2_memory(kib: object) -> str:
    """An Argon2 memory parameter (m, in KiB) in readable IEC units: argon2_memory(19456) → '19 MiB'."""
    m = positive_int("kib", kib, minimum=8, maximum=2**32 - 1)
    return fmt_size(m * 1_024, iec=True)


def base64url_length(n_bytes: object) -> str:
    """Characters of unpadded base64url for ``n_bytes`` bytes: ⌈4n ÷ 3⌉. base64url_length(1000) → '1,334 characters'."""
    n = positive_int("n_bytes", n_bytes, maximum=10**9)
    chars = -(-4 * n // 3)
    return f"{fmt_count(chars)}{NBSP}characters"
