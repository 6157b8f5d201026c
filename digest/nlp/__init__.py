"""Natural-language extraction: the only package that imports spaCy."""
