"""`digest init`: the files a new site starts with."""

from __future__ import annotations

from pathlib import Path

from digest.config import CONFIG_NAME, default_toml
from digest.errors import DigestError

PAGES_WORKFLOW_TEMPLATE = """\
# Build the briefing site with digest and publish it on GitHub Pages. On the morning schedule (and
# when run by hand) it first fetches the [[sources]] of digest.toml and commits the new articles.
name: pages

on:
  push:
    branches: [main]
  schedule:
    - cron: "17 6 * * *"   # a fresh briefing every morning
  workflow_dispatch:

env:
  # What to pip install for digest: "." in digest's own repository, else a version or git URL.
  DIGEST_PACKAGE: "{package}"

permissions:
  contents: write   # to commit what `digest fetch` stored
  pages: write
  id-token: write

# One run at a time: a second run waits for the first (never cancelled mid-commit), so two runs never
# fetch into, or push, the same content at once.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
          cache: pip
      - name: Restore the extraction cache and fetch state
        uses: actions/cache@v4
        with:
          path: .digest
          key: digest-${{ runner.os }}-${{ github.run_id }}
          restore-keys: digest-${{ runner.os }}-
      - id: pages
        uses: actions/configure-pages@v5
      - name: Install digest
        run: |
          python -m pip install -U pip
          pip install "$DIGEST_PACKAGE"
      - name: Fetch subscriptions
        if: github.event_name != 'push'
        run: digest fetch
      - name: Commit what was fetched
        if: github.event_name != 'push'
        run: |
          git add -A -- "$(python -c 'from digest.config import load_config; print(load_config().content_dir)')"
          if git diff --cached --quiet; then
            echo "nothing new"
            exit 0
          fi
          git -c user.name="github-actions[bot]" \\
              -c user.email="41898281+github-actions[bot]@users.noreply.github.com" \\
              commit -q -m "digest fetch: new articles"
          git pull -q --rebase origin "$GITHUB_REF_NAME"
          git push -q origin "HEAD:$GITHUB_REF_NAME"
      - name: Build
        run: digest build --strict --base-url "${{ steps.pages.outputs.base_url }}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""



def pages_workflow(package: str) -> str:
    """The GitHub Pages workflow, installing digest as ``package`` (pip requirement)."""
    return PAGES_WORKFLOW_TEMPLATE.replace("{package}", package)


GITIGNORE = "/site/\n/.digest/\n"


def init_site(folder: Path, title: str, base_url: str, package: str = "digest") -> list[Path]:
    """Create a new site in ``folder``; refuses to overwrite an existing digest.toml."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / CONFIG_NAME
    if config.exists():
        raise DigestError(f"{config}: a site already exists here; nothing was changed")
    files = {
        config: default_toml(title=title, base_url=base_url),
        folder / ".github" / "workflows" / "pages.yml": pages_workflow(package),
        folder / ".gitignore": GITIGNORE,
        folder / "content" / ".gitkeep": "",
    }
    written = []
    for path, text in files.items():
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
