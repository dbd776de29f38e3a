"""What the citizens' site shows inside lower apps (from PublicConfig.ready)."""

from tryg.accounts.registry import register_demo_seeder

from .demo import demo_seed


def register() -> None:
    register_demo_seeder("public", demo_seed, order=80)
