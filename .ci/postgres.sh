#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a free loopback port and prints its URL.
# Usage: eval "$(.ci/postgres.sh start)"   ... .ci/postgres.sh stop "$MOTCUA_PG_DIR"
set -euo pipefail
case "${1:-}" in
start)
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
  fi
  dir=$(mktemp -d /tmp/motcua-pg.XXXXXX)
  chown postgres "$dir" 2>/dev/null || true
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
  # TLS with a throwaway CA, for the tests that connect with sslmode=verify-full.
  tls="$dir/tls"
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=motcua test CA" \
    -keyout "$tls/ca.key" -out "$tls/ca.pem" >/dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$tls/server.key" -out "$tls/server.csr" >/dev/null 2>&1
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$tls/san.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
    -extfile "$tls/san.ext" -out "$tls/server.crt" >/dev/null 2>&1
  chmod 600 "$tls/server.key"
  chown -R postgres "$tls" 2>/dev/null || true
  chmod 755 "$tls"; chmod 644 "$tls/ca.pem"
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-k $dir -h 127.0.0.1 -p $port -c fsync=off -c max_connections=300 -c shared_buffers=256MB -c ssl=on -c ssl_cert_file=$tls/server.crt -c ssl_key_file=$tls/server.key" start >/dev/null
  # A streaming standby of it, for the tests of reads served by a replica.
  port2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$dir/standby" -R -X stream -c fast >"$dir/basebackup.log" 2>&1
  as_pg "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -o "-k $dir -h 127.0.0.1 -p $port2 -c fsync=off -c max_connections=300" start >/dev/null
  echo "export MOTCUA_PG_DIR=$dir MOTCUA_PG_BIN=$bin MOTCUA_PG_PORT=$port"
  echo "export MOTCUA_TEST_POSTGRES='postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable'"
  echo "export MOTCUA_TEST_POSTGRES_REPLICA='postgres://postgres@127.0.0.1:$port2/postgres?sslmode=disable'"
  echo "export MOTCUA_TEST_POSTGRES_CA=$tls/ca.pem"
  ;;
stop)
  dir=${2:?data folder}
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  for data in "$dir/standby" "$dir/data"; do
    [ -d "$data" ] || continue
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    else "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true; fi
  done
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
