#!/usr/bin/env python3
"""A local SMTP sink that records every message it accepts: one line per delivery, "<epoch> <Message-ID> <recipients>",
appended to LOG (flushed at once, so a reader sees every accepted mail). Duplicates are counted by Message-ID later.

Usage: mail_catcher.py PORT LOG
"""
import asyncore
import email
import sys
import time
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import smtpd  # noqa: E402  (deprecated in 3.11, still shipped; aiosmtpd is not installed here)

PORT = int(sys.argv[1])
LOG = open(sys.argv[2], "a", buffering=1)


class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        message = email.message_from_bytes(data if isinstance(data, bytes) else data.encode())
        LOG.write(f"{time.time():.3f} {message.get('Message-ID', '-')} {','.join(rcpttos)}\n")
        return None


Sink(("127.0.0.1", PORT), None, decode_data=False)
asyncore.loop(timeout=0.2)
