"""Rendering: Jinja2 pages, feeds, calendar. The only package that imports jinja2/feedgen/icalendar."""
