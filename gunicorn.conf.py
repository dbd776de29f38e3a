# Read by gunicorn from the working directory (make run, the benchmarks). The access log of pages without login
# names no visitor: no address, user agent, referrer or query string (tryg/core/gunicorn_logging.py).
logger_class = "tryg.core.gunicorn_logging.PrivacyLogger"
