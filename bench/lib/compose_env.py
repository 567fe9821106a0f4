"""Prints the app nodes' environment of docker-compose.yml (x-app-environment) as NAME=value lines (quoted for the shell), with ${VAR...}
resolved from this process's environment as compose resolves them from .env, and the container paths mapped to this
machine: /run/secrets/<file> -> SECRETS/<file>, /app/data -> DATA. Usage: compose_env.py COMPOSE SECRETS DATA"""
import os
import re
import shlex
import sys

import yaml

compose, secrets, data = sys.argv[1:4]
environment = yaml.safe_load(open(compose))["x-app-environment"]
pattern = re.compile(r"\$\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?\}")


def resolve(match):
    name, operator, argument = match.group(1), match.group(2), match.group(3)
    value = os.environ.get(name)
    if operator in (":-", "-") and not value:
        return argument
    if operator in (":?", "?") and value is None:
        sys.exit(f"{name}: {argument}")
    return value or ""


for name, value in environment.items():
    value = pattern.sub(resolve, str(value))
    value = value.replace("/run/secrets/", secrets.rstrip("/") + "/")
    if value == "/app/data":
        value = data
    print(f"{name}={shlex.quote(value)}")
