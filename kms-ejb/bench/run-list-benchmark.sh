#!/usr/bin/env bash
# ListKeyDetail with 1,000 and with 100,000 keys in one tenant (docs/performance.md), end to end:
# a scratch copy of the built server, its database filled directly by TenantKeyFill, and ListKeyDetailLoad
# calling the server through the Tencent SDK on loopback. Leaves nothing behind (scratch server folder,
# PostgreSQL database) and stops the server it started.
#
#   kms-ejb/bench/run-list-benchmark.sh h2|postgresql [requests per kind, default 200]
#
# Build first: mvn -o -q package -DskipTests (the server folder) - the bench classpath comes with it.
# Environment: KMS_BENCH_PORT_OFFSET (default 500: http 8580, management 10490, not used),
# KMS_BENCH_PG_HOST (default 127.0.0.1:5432, user postgres, trust or PGPASSWORD), KMS_BENCH_KEEP=1 keeps the
# scratch folder (server logs) for a look after a failure.
set -euo pipefail
db_kind="${1:?usage: run-list-benchmark.sh h2|postgresql [requests]}"
requests="${2:-200}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "${here}/../.." && pwd)"
built_server="${root}/wildfly-config/target/server"
[ -f "${here}/target/classpath.txt" ] && [ -d "${built_server}" ] \
    || { echo "build first: mvn -o -q package -DskipTests" >&2; exit 1; }
classpath="${here}/target/classes:$(cat "${here}/target/classpath.txt")"
offset="${KMS_BENCH_PORT_OFFSET:-500}"
http="127.0.0.1:$((8080 + offset))"

scratch="$(mktemp -d /tmp/kms-list-bench.XXXXXX)"
server="${scratch}/server"
cp -r "${built_server}" "${server}"
rm -rf "${server}/standalone/data" "${server}/standalone/log" "${server}/standalone/tmp"

# Fresh credentials for this run only; the SecretKey travels in the environment, never on a command line.
export KMS_ADMIN_PASSWORD="Bench-$(openssl rand -hex 12)-1!"
export KMS_BOOTSTRAP_SECRET_ID="AKIDbench$(openssl rand -hex 12)"
export KMS_BOOTSTRAP_SECRET_KEY="$(openssl rand -hex 20)"
export KMS_BENCH_SECRET_KEY="${KMS_BOOTSTRAP_SECRET_KEY}"

server_args=()
pg_db=""
if [ "${db_kind}" = postgresql ]; then
    pg_host="${KMS_BENCH_PG_HOST:-127.0.0.1:5432}"
    pg_db="kms_list_bench_$$"
    psql -h "${pg_host%:*}" -p "${pg_host#*:}" -U postgres -d postgres -qc "CREATE DATABASE ${pg_db}"
    export KMS_DB_URL="jdbc:postgresql://${pg_host}/${pg_db}" KMS_DB_USER=postgres KMS_DB_PASSWORD="${PGPASSWORD:-unused}"
    fill_url="${KMS_DB_URL}" fill_user=postgres fill_password="${KMS_DB_PASSWORD}"
    server_args+=(-Dkms.db=postgresql)
elif [ "${db_kind}" = h2 ]; then
    # the server's own file database (configure-server.cli), opened while the server is stopped
    fill_url="jdbc:h2:file:${server}/standalone/data/kms/kmsdb" fill_user=sa fill_password=kms
else
    echo "database must be h2 or postgresql" >&2; exit 1
fi

server_pid=""
starts=0
start_server() {
    starts=$((starts + 1))
    local log="${scratch}/server-${starts}.out"
    # LAUNCH_JBOSS_IN_BACKGROUND: standalone.sh passes our TERM on to the server's JVM (a clean shutdown)
    LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="-Xmx1g" "${server}/bin/standalone.sh" \
        -Djboss.socket.binding.port-offset="${offset}" ${server_args[@]+"${server_args[@]}"} > "${log}" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 300); do
        grep -q 'WFLYSRV0025\|WFLYSRV0026' "${log}" && break
        kill -0 "${server_pid}" 2>/dev/null || break
        sleep 1
    done
    grep -q 'WFLYSRV0025' "${log}" || { tail -30 "${log}" >&2; echo "server did not start cleanly" >&2; exit 1; }
    # the HTTP listener can still answer 404 for a moment after the start message: wait for the API itself
    for _ in $(seq 1 60); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://${http}/")" = 200 ] && break
        sleep 1
    done
}
stop_server() {
    [ -n "${server_pid}" ] || return 0
    kill -TERM "${server_pid}" 2>/dev/null || true
    wait "${server_pid}" || true
    server_pid=""
}
cleanup() {
    stop_server
    if [ -n "${pg_db}" ]; then
        psql -h "${pg_host%:*}" -p "${pg_host#*:}" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS ${pg_db}" || true
    fi
    if [ "${KMS_BENCH_KEEP:-}" = 1 ]; then echo "kept ${scratch}" >&2; else rm -rf "${scratch}"; fi
}
trap cleanup EXIT

fill() {
    java -cp "${classpath}" org.selfkms.bench.list.TenantKeyFill "${fill_url}" "${fill_user}" "${fill_password}" \
        "${KMS_BOOTSTRAP_SECRET_ID}" "$1"
}

# The first start creates the schema, the tenant and the credential; the fill then needs them.
start_server
stop_server
for keys in 1000 100000; do
    fill "${keys}"
    if [ "${db_kind}" = postgresql ]; then
        # fresh statistics, as autovacuum would give a real tenant that grew over time
        psql -h "${pg_host%:*}" -p "${pg_host#*:}" -U postgres -d "${pg_db}" -qc "VACUUM ANALYZE"
    fi
    start_server
    echo "== ${db_kind}, ${keys} keys in the tenant, ${requests} requests per kind, Limit 20"
    java -cp "${classpath}" org.selfkms.bench.list.ListKeyDetailLoad "${http}" "${KMS_BOOTSTRAP_SECRET_ID}" "${requests}" 50
    stop_server
done
