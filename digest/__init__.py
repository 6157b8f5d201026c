"""digest: turn a folder of saved news articles into a daily briefing website."""

__version__ = "0.1.0"
