#!/usr/bin/env bash
# Runs the crypto-path benchmarks of docs/performance.md in one JMH run. Needs softhsm2 (Debian package)
# for the token benchmark. Extra arguments go to JMH and replace the defaults below option by option (e.g. -f 2 -i 10
# for tighter error bars), or name the benchmarks to run (e.g. SignBenchmark).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${here}/target"
[ -f "${target}/classpath.txt" ] || { echo "build first: mvn -pl kms-ejb/bench -am package -DskipTests" >&2; exit 1; }

softhsm="$(mktemp -d)"
trap 'rm -rf "${softhsm}"' EXIT
mkdir -p "${softhsm}/tokens"
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "${softhsm}" > "${softhsm}/softhsm2.conf"
export SOFTHSM2_CONF="${softhsm}/softhsm2.conf"
export KMS_BENCH_SOFTHSM_SLOT="$(softhsm2-util --init-token --free --label kms-bench --pin bench-pin-1234 --so-pin bench-so-5678 \
    | sed -n 's/.*reassigned to slot \([0-9]*\).*/\1/p')"
export KMS_BENCH_SOFTHSM_PIN=bench-pin-1234

# JMH refuses an option given twice: an option among the arguments replaces its default here
options=()
for default in "-f 1" "-wi 3" "-w 2s" "-i 5" "-r 3s" "-tu s"; do
    [[ " $* " == *" ${default%% *} "* ]] || options+=(${default})
done
# arguments that are neither options nor their values name the benchmarks to run (regular expressions); none: every benchmark
pattern='org.selfkms.bench.*'
previous=''
for argument in "$@"; do
    [[ "${argument}" == -* || "${previous}" == -* ]] || pattern=''
    previous="${argument}"
done
java -cp "${target}/classes:$(cat "${target}/classpath.txt")" org.openjdk.jmh.Main \
    "${options[@]}" -rf json -rff "${target}/jmh-result.json" "$@" ${pattern:+"${pattern}"}
