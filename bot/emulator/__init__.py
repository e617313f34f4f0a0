"""A local emulator of the Telegram Bot API plus simulated users, for tests and offline runs."""

from bot.emulator.driver import BotMessage, InlineButton, SimGroup, SimUser, tiny_png
from bot.emulator.server import ApiError, BotApiEmulator, EmulatedBot, EmulatorStats

__all__ = [
    "ApiError",
    "BotApiEmulator",
    "BotMessage",
    "EmulatedBot",
    "EmulatorStats",
    "InlineButton",
    "SimGroup",
    "SimUser",
    "tiny_png",
]
