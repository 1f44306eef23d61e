#!/usr/bin/env bash
# Runs the client library's benchmarks of docs/performance.md ("Client library") in one JMH run, with short
# settings (-f 1 -wi 2 -w 2s -i 3 -r 3s). Extra arguments go to JMH and replace those defaults option by option
# (e.g. -i 10 for tighter error bars), or name the benchmarks to run (e.g. CacheBenchmark).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${here}/target"
[ -f "${target}/classpath.txt" ] || { echo "build first: mvn -pl kms-client/bench -am package -DskipTests" >&2; exit 1; }

options=()
for default in "-f 1" "-wi 2" "-w 2s" "-i 3" "-r 3s"; do
    [[ " $* " == *" ${default%% *} "* ]] || options+=(${default})
done
# arguments that are neither options nor their values name the benchmarks to run; none: every benchmark
pattern='org.selfkms.client.bench.*'
previous=''
for argument in "$@"; do
    [[ "${argument}" == -* || "${previous}" == -* ]] || pattern=''
    previous="${argument}"
done
java -cp "${target}/classes:$(cat "${target}/classpath.txt")" org.openjdk.jmh.Main \
    "${options[@]}" -rf json -rff "${target}/jmh-result.json" "$@" ${pattern:+"${pattern}"}
