"""What the citizens' site shows inside lower apps (from PublicConfig.ready)."""


def register() -> None:
    pass
