#!/bin/sh
# What Newsroom needs from the system, installed or started when missing (called by `make test`
# and `make run`; safe to run again). PACKAGES: Debian packages; REQUIRED=1: fail when they
# cannot be installed, 0: say so and go on; SERVICES=0: leave PostgreSQL and Redis alone.
set -u
missing=""
if command -v dpkg >/dev/null 2>&1; then
  for pkg in $PACKAGES; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then as_root=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root="sudo"
  else as_root="none"
  fi
  if [ "$as_root" = none ]; then
    echo "Newsroom needs these Debian packages:$missing" >&2
    echo "Install them with: sudo apt-get install$missing" >&2
    [ "$REQUIRED" = 1 ] && exit 1
    echo "(continuing: PDF proofs and page thumbnails need fonts-noto-cjk and will say so)" >&2
  else
    echo "Installing$missing (apt-get) ..."
    export DEBIAN_FRONTEND=noninteractive
    if ! { $as_root apt-get update -qq && $as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null; }; then
      echo "Could not install$missing with apt-get." >&2
      [ "$REQUIRED" = 1 ] && exit 1
    fi
  fi
fi
[ "${SERVICES:-1}" = 0 ] && exit 0

# PostgreSQL and Redis: started when installed but down.
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "Starting PostgreSQL ..."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "PostgreSQL is not running on 127.0.0.1:5432; the suite needs it (apt-get install postgresql)." >&2
  exit 1
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  if command -v redis-server >/dev/null 2>&1; then
    echo "Starting Redis ..."
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
    for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
  fi
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "Redis is not running on 127.0.0.1:6379; the suite needs it (apt-get install redis-server)." >&2
  exit 1
fi
