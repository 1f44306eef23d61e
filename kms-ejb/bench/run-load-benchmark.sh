#!/usr/bin/env bash
# The load benchmark of docs/performance.md: requests per second, p50 and p99 through the whole server on
# loopback, for the hot-path actions of both API doors, beside a no-op JAX-RS POST deployed into the same server
# (the floor), with the audit trail on and, right after each point, with it discarded (the benchmark-only switch), all
# on one warm server in one run.
#
#   kms-ejb/bench/run-load-benchmark.sh [h2|postgresql] [seconds per measurement, default 10]
#
# Needs wrk (apt-get install wrk) and, for postgresql, a PostgreSQL on 127.0.0.1:5432 that user postgres may
# use. Builds the project first if it is not built. Works on a scratch copy of the built server (port offset
# 600, its own data directory, its own database), stops it and removes it at the end.
#
# Environment (all optional):
#   KMS_BENCH_SERVER       a built server folder to measure instead of wildfly-config/target/server (another build)
#   KMS_BENCH_SCENARIOS    default "noop encrypt decrypt generate-data-key re-encrypt sign rest-encrypt rest-decrypt"
#   KMS_BENCH_CONNECTIONS  default "1 16 64"
#   KMS_BENCH_PACED        default 1: also Encrypt/Decrypt/GenerateDataKey at 80 % of their 16-connection rate
#   KMS_BENCH_JFR          1: a JFR recording of Encrypt at 16 connections, summarised by JfrBreakdown
#   KMS_BENCH_SOAK_SECONDS e.g. 600: Encrypt at 16 connections that long, heap after a full GC every minute
#   KMS_BENCH_WARMUP       seconds of load per scenario before anything is measured, default 45
#   KMS_BENCH_PORT_OFFSET  default 600 (HTTP on 8680)
#   KMS_BENCH_KEEP         1: keep the scratch folder (server logs, JFR file)
set -euo pipefail
db_kind="${1:-h2}"
seconds="${2:-10}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "${here}/../.." && pwd)"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
if [ ! -f "${here}/target/classpath.txt" ] || [ ! -d "${root}/wildfly-config/target/server" ]; then
    echo "== building the project (mvn -q -DskipTests install)"
    (cd "${root}" && mvn -q -DskipTests install)
fi
built_server="${KMS_BENCH_SERVER:-${root}/wildfly-config/target/server}"
classpath="${here}/target/classes:$(cat "${here}/target/classpath.txt")"
scenarios="${KMS_BENCH_SCENARIOS:-noop encrypt decrypt generate-data-key re-encrypt sign rest-encrypt rest-decrypt}"
connections="${KMS_BENCH_CONNECTIONS:-1 16 64}"
warmup="${KMS_BENCH_WARMUP:-45}"
offset="${KMS_BENCH_PORT_OFFSET:-600}"
endpoint="127.0.0.1:$((8080 + offset))"

scratch="$(mktemp -d /tmp/kms-load-bench.XXXXXX)"
server="${scratch}/server"
cp -r "${built_server}" "${server}"
rm -rf "${server}/standalone/data" "${server}/standalone/log" "${server}/standalone/tmp"

# The floor: the no-op resource of this module, alone in a WAR beside the KMS.
mkdir -p "${scratch}/noop/WEB-INF/classes/org/selfkms/bench/load"
cp -r "${here}/target/classes/org/selfkms/bench/load/noop" "${scratch}/noop/WEB-INF/classes/org/selfkms/bench/load/"
(cd "${scratch}/noop" && jar cf "${server}/standalone/deployments/noop.war" WEB-INF)

# Fresh credentials for this run only; the SecretKey travels in the environment, never on a command line.
export KMS_ADMIN_PASSWORD="Bench-$(openssl rand -hex 12)-1!"
export KMS_BOOTSTRAP_SECRET_ID="AKIDbench$(openssl rand -hex 12)"
export KMS_BOOTSTRAP_SECRET_KEY="$(openssl rand -hex 20)"
export KMS_BENCH_SECRET_KEY="${KMS_BOOTSTRAP_SECRET_KEY}"

db_args=()
pg_db=""
if [ "${db_kind}" = postgresql ]; then
    pg_db="kms_load_bench_$$"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE ${pg_db}"
    export KMS_DB_URL="jdbc:postgresql://127.0.0.1:5432/${pg_db}" KMS_DB_USER=postgres KMS_DB_PASSWORD="${PGPASSWORD:-unused}"
    db_args+=(-Dkms.db=postgresql)
elif [ "${db_kind}" != h2 ]; then
    echo "database must be h2 or postgresql" >&2; exit 1
fi

server_pid=""
starts=0
start_millis=0
start_server() {
    starts=$((starts + 1))
    local log="${scratch}/server-${starts}.out"
    start_millis=$(date +%s%3N)
    # LAUNCH_JBOSS_IN_BACKGROUND: standalone.sh passes our TERM on to the server's JVM (a clean shutdown).
    # JAVA_OPTS unset: the server's own defaults (-Xmx512m) apply.
    LAUNCH_JBOSS_IN_BACKGROUND=1 "${server}/bin/standalone.sh" -Djboss.socket.binding.port-offset="${offset}" \
        ${db_args[@]+"${db_args[@]}"} "$@" > "${log}" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 1500); do
        grep -aq 'WFLYSRV0025\|WFLYSRV0026' "${log}" && break
        kill -0 "${server_pid}" 2>/dev/null || break
        sleep 0.2
    done
    grep -aq 'WFLYSRV0025' "${log}" || { tail -30 "${log}" >&2; echo "server did not start cleanly" >&2; exit 1; }
}
# Starts the server and sets answered_ms: milliseconds from launching it to the first signed request it answers
# without an error.
start_until_answer() {
    local probe="${scratch}/probe.lua"
    java -cp "${classpath}" org.selfkms.bench.load.LoadRequests --sign-only "${endpoint}" "${KMS_BOOTSTRAP_SECRET_ID}" probe "${probe}"
    start_server "$@"
    local answer
    for _ in $(seq 1 600); do
        answer="$(curl -s -K "${probe}.curl" || true)"
        if [[ "${answer}" == *'"Response"'* && "${answer}" != *'"Error"'* ]]; then
            answered_ms=$(( $(date +%s%3N) - start_millis ))
            return
        fi
        sleep 0.05
    done
    echo "no answer" >&2; exit 1
}
stop_server() {
    [ -n "${server_pid}" ] || return 0
    kill -TERM "${server_pid}" 2>/dev/null || true
    wait "${server_pid}" || true
    server_pid=""
}
java_pid() {
    pgrep -f -- "-Djboss.home.dir=${server}" | head -1
}
cleanup() {
    stop_server
    if [ -n "${pg_db}" ]; then
        psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS ${pg_db}" || true
    fi
    if [ "${KMS_BENCH_KEEP:-}" = 1 ]; then echo "kept ${scratch}" >&2; else rm -rf "${scratch}"; fi
}
trap cleanup EXIT

database_bytes() {
    if [ "${db_kind}" = postgresql ]; then
        psql -h 127.0.0.1 -U postgres -d "${pg_db}" -tAc "SELECT pg_database_size(current_database())"
    else
        stat -c %s "${server}/standalone/data/kms/kmsdb.mv.db"
    fi
}

# wrk [connections] [file] [seconds] [script] [script args...] -> "rps p50_us p99_us errors requests"
run_wrk() {
    local conns="$1" file="$2" secs="$3" script="$4"
    shift 4
    wrk -t1 -c"${conns}" -d"${secs}s" --timeout 10s -s "${here}/${script}" "http://${endpoint}/" -- "${file}" "$@" \
        | sed -n 's/^RESULT rps=\([0-9.]*\) p50_us=\([0-9]*\) p99_us=\([0-9]*\) errors=\([0-9]*\) requests=\([0-9]*\)/\1 \2 \3 \4 \5/p'
}

echo "== $(date -u +%Y-%m-%dT%H:%MZ), ${db_kind}, ${seconds} s per measurement, server $(git -C "${root}" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "== $(nproc) cores, $(java -version 2>&1 | head -1), wrk $(wrk --version 2>&1 | head -1 | cut -d' ' -f2)"

# First start: schema, tenant, credential (bootstrap). Then a second start, timed to its first answered request.
start_until_answer
first_ms="${answered_ms}"
stop_server
start_until_answer
stop_server
echo "start to first answered request: first start (bootstrap) ${first_ms} ms, second start ${answered_ms} ms"

declare -A rps p50 p99
# One server for all measurements, started in benchmark mode (docs/performance.md): the audit is discarded while the
# system property says so, which this script flips between two measurements of the same point. So "audit on" and
# "audit off" are measured on the same warm server, one right after the other, not on two starts whose JIT
# compilations differ.
discard_property_added=false
set_discard() {
    local operation="write-attribute(name=value,value=$1)"
    if [ "${discard_property_added}" = false ]; then
        operation="add(value=$1)"
        discard_property_added=true
    fi
    "${server}/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$((9990 + offset))" \
        --command="/system-property=kms.benchmark.discard-audit:${operation}" > /dev/null
}
start_server -Dkms.benchmark.discard-audit=false
requests_on=0
# Warm-up: every scenario before any is measured. On 2 cores the JIT compilers need tens of seconds of load per path
# before the server runs compiled code; measuring earlier measures the compiler.
for scenario in ${scenarios}; do
    file="${scratch}/${scenario}.lua"
    java -cp "${classpath}" org.selfkms.bench.load.LoadRequests "${endpoint}" "${KMS_BOOTSTRAP_SECRET_ID}" "${scenario}" "${file}"
    run_wrk 16 "${file}" "${warmup}" load.lua >/dev/null
done
bytes_before="$(database_bytes)"
# CPU time (user + system, in clock ticks) the server process has used so far
server_ticks() {
    awk '{print $14 + $15}' "/proc/$(java_pid)/stat"
}
measure() {   # measure <key> <connections> <file> -> fills rps/p50/p99/cpu[key], prints nothing
    local key="$1" c="$2" file="$3" before after
    before="$(server_ticks)"
    read -r r l50 l99 errors n < <(run_wrk "${c}" "${file}" "${seconds}" load.lua)
    after="$(server_ticks)"
    rps["${key}"]="${r}"; p50["${key}"]="${l50}"; p99["${key}"]="${l99}"; errs["${key}"]="${errors}"; count["${key}"]="${n}"
    cpu["${key}"]="$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="${n}" 'BEGIN{printf "%.0f", t * 1e6 / hz / n}')"
}
declare -A errs count cpu
ms() { awk -v u="$1" 'BEGIN{printf "%.2f", u/1000}'; }
printf '\n== audit on (and, beside it, the same point with the audit discarded)\n'
printf '%-18s %5s %9s %8s %8s %8s %6s %7s | %9s %8s %8s %6s %8s\n' scenario conns "req/s" "p50 ms" "p99 ms" "x floor" \
    "cpu us" errors "off req/s" "p50 ms" "p99 ms" "cpu us" "on/off"
for scenario in ${scenarios}; do
    file="${scratch}/${scenario}.lua"
    # signed anew: the warm-up's requests may be older than the 5-minute window by now
    java -cp "${classpath}" org.selfkms.bench.load.LoadRequests "${endpoint}" "${KMS_BOOTSTRAP_SECRET_ID}" "${scenario}" "${file}"
    run_wrk 16 "${file}" 3 load.lua >/dev/null
    for c in ${connections}; do
        jfr=false
        if [ "${KMS_BENCH_JFR:-}" = 1 ] && [ "${scenario}" = encrypt ] && [ "${c}" = 16 ]; then jfr=true; fi
        [ "${jfr}" = true ] && jcmd "$(java_pid)" JFR.start name=bench settings=default filename="${scratch}/encrypt-audit-on.jfr" >/dev/null
        measure "on,${scenario},${c}" "${c}" "${file}"
        [ "${jfr}" = true ] && jcmd "$(java_pid)" JFR.stop name=bench >/dev/null
        [ "${scenario}" != noop ] && requests_on=$((requests_on + count["on,${scenario},${c}"]))
        off="-"; off50="-"; off99="-"; ratio_off="-"; offcpu="-"
        if [ "${scenario}" != noop ]; then
            set_discard true
            [ "${jfr}" = true ] && jcmd "$(java_pid)" JFR.start name=bench settings=default filename="${scratch}/encrypt-audit-off.jfr" >/dev/null
            measure "off,${scenario},${c}" "${c}" "${file}"
            [ "${jfr}" = true ] && jcmd "$(java_pid)" JFR.stop name=bench >/dev/null
            set_discard false
            off="$(printf '%.0f' "${rps["off,${scenario},${c}"]}")"; off50="$(ms "${p50["off,${scenario},${c}"]}")"
            off99="$(ms "${p99["off,${scenario},${c}"]}")"; offcpu="${cpu["off,${scenario},${c}"]}"
            ratio_off="$(awk -v a="${rps["on,${scenario},${c}"]}" -v b="${rps["off,${scenario},${c}"]}" 'BEGIN{printf "%.2f", a/b}')"
        fi
        floor="${rps["on,noop,${c}"]:-}"
        ratio="$( [ -n "${floor}" ] && awk -v a="${rps["on,${scenario},${c}"]}" -v b="${floor}" 'BEGIN{printf "%.2f", a/b}' || echo -)"
        printf '%-18s %5s %9.0f %8s %8s %8s %6s %7s | %9s %8s %8s %6s %8s\n' "${scenario}" "${c}" "${rps["on,${scenario},${c}"]}" \
            "$(ms "${p50["on,${scenario},${c}"]}")" "$(ms "${p99["on,${scenario},${c}"]}")" "${ratio}" "${cpu["on,${scenario},${c}"]}" \
            "${errs["on,${scenario},${c}"]}" "${off}" "${off50}" "${off99}" "${offcpu}" "${ratio_off}"
    done
    if [ "${KMS_BENCH_PACED:-1}" = 1 ] && [[ " encrypt decrypt generate-data-key " == *" ${scenario} "* ]]; then
        target="$(awk -v r="${rps["on,${scenario},16"]}" 'BEGIN{printf "%.0f", r*0.8}')"
        unloaded_ms="$(awk -v u="${p50["on,${scenario},1"]:-1000}" 'BEGIN{print u/1000}')"
        read -r r l50 l99 errors n < <(run_wrk 16 "${file}" "${seconds}" paced.lua "${target}" 16 "${unloaded_ms}")
        requests_on=$((requests_on + n))
        printf '%-18s %5s %9.0f %8s %8s %8s %6s %7s   paced at %.0f%% of the 16-connection rate\n' "${scenario}" 16 "${r}" \
            "$(ms "${l50}")" "$(ms "${l99}")" - - "${errors}" "$(awk -v a="${r}" -v b="${rps["on,${scenario},16"]}" 'BEGIN{print 100*a/b}')"
    fi
done
bytes_after="$(database_bytes)"
if [ "${requests_on}" -gt 0 ]; then
    echo "database grew $(( (bytes_after - bytes_before) / 1024 )) KiB over ${requests_on} audited requests" \
        "($(awk -v b="$((bytes_after - bytes_before))" -v n="${requests_on}" 'BEGIN{printf "%.0f", b/n}') bytes each)"
fi
if [ -n "${KMS_BENCH_SOAK_SECONDS:-}" ]; then
    echo "== soak: Encrypt at 16 connections for ${KMS_BENCH_SOAK_SECONDS} s, audit on; heap used after a full GC"
    for minute in $(seq 1 $(( KMS_BENCH_SOAK_SECONDS / 60 ))); do
        java -cp "${classpath}" org.selfkms.bench.load.LoadRequests "${endpoint}" "${KMS_BOOTSTRAP_SECRET_ID}" encrypt "${scratch}/soak.lua"
        read -r r l50 l99 errors n < <(run_wrk 16 "${scratch}/soak.lua" 60 load.lua)
        jcmd "$(java_pid)" GC.run >/dev/null
        used="$(jcmd "$(java_pid)" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)"
        printf 'minute %3d: %8.0f req/s, p99 %6.2f ms, errors %s, heap used after GC %s MiB\n' "${minute}" "${r}" \
            "$(ms "${l99}")" "${errors}" "$((used / 1024))"
    done
fi
stop_server

for audit in on off; do
    if [ "${KMS_BENCH_JFR:-}" = 1 ] && [ -f "${scratch}/encrypt-audit-${audit}.jfr" ]; then
        echo
        echo "== where the CPU goes: Encrypt, 16 connections, audit ${audit} (JFR execution samples)"
        java -cp "${classpath}" org.selfkms.bench.load.JfrBreakdown "${scratch}/encrypt-audit-${audit}.jfr"
    fi
done
