"""What coordination shows inside lower apps, through their registries (registered from CoordinationConfig.ready)."""


def register() -> None:
    pass
