"""Settings package: ``base`` holds everything shared; ``local`` (demo), ``test`` and
``production`` adjust it. Every value that differs between deployments comes from the
environment (see README and .env.example)."""
