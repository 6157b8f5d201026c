import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))  # tests/helpers.py

# Hypothesis profiles for the property tests ("fuzzing"). "ci" (the default) runs a bounded number of
# examples per property so the suite stays fast; "fuzz" runs DIGEST_FUZZ_EXAMPLES examples per property
# (default 2000). Select with DIGEST_FUZZ_EXAMPLES=N, DIGEST_HYPOTHESIS_PROFILE=fuzz or pytest's
# --hypothesis-profile fuzz; bench/fuzz.py does this for every property. Property tests leave
# max_examples to the profile (a slow one may scale it down from settings.default.max_examples).
FUZZ_EXAMPLES = int(os.environ.get("DIGEST_FUZZ_EXAMPLES") or 0)
_QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("fuzz", max_examples=FUZZ_EXAMPLES or 2000, deadline=None, suppress_health_check=_QUIET,
                          print_blob=True)
settings.load_profile(os.environ.get("DIGEST_HYPOTHESIS_PROFILE") or ("fuzz" if FUZZ_EXAMPLES else "ci"))


def pytest_configure(config):
    config.addinivalue_line("markers", "fuzz: a hypothesis property run for many examples by bench/fuzz.py")


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once for every test that parses text."""
    from digest.nlp.model import load_pipeline

    return load_pipeline()
