"""Settings for benchmarks/load.py only: the production settings (tryg.settings, read from the environment as
always) with the benchmark URLconf, which adds the floor view. Nothing else differs."""

from tryg.settings import *  # noqa: F403

ROOT_URLCONF = "load_urls"
