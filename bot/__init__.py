"""Steadfast: a Telegram companion for No Contact after a breakup."""

import os

# python-telegram-bot 22 warns that RetryAfter.retry_after becomes a timedelta; opt in now.
os.environ.setdefault("PTB_TIMEDELTA", "1")
