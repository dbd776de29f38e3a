"""Print the current TOTP code for the demo accounts: `python -m tryg.demo_otp`."""

import base64
import hmac
import struct
import sys
import time

# The shared demo TOTP secret (base32). Demo mode only; see README.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def code_for(secret_b32: str, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    counter = int((time.time() if at is None else at) // step)
    key = base64.b32decode(secret_b32)
    digest = hmac.digest(key, struct.pack(">Q", counter), "sha1")
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


if __name__ == "__main__":
    secret = sys.argv[1] if len(sys.argv) > 1 else DEMO_TOTP_SECRET
    print(code_for(secret))
