"""The API of the cases app: thin adapters over `access`, `selectors` and `services`, one module per topic
(the same topics as `views/` and `services/`). A service's ValidationError becomes the error shape in the
core exception handler; nothing here repeats a rule."""
