#!/usr/bin/env bash
# Runs the client library's benchmarks of docs/performance.md ("Client library") in one JMH run. Extra
# arguments go to JMH (e.g. -f 2 -i 10 for tighter error bars, or a benchmark name such as CacheBenchmark).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${here}/target"
[ -f "${target}/classpath.txt" ] || { echo "build first: mvn -pl kms-client/bench -am package -DskipTests" >&2; exit 1; }

# arguments that are not options name the benchmarks to run (regular expressions); none: every benchmark
pattern='org.selfkms.client.bench.*'
for argument in "$@"; do [[ "${argument}" == -* ]] || pattern=''; done
java -cp "${target}/classes:$(cat "${target}/classpath.txt")" org.openjdk.jmh.Main \
    -f 1 -wi 2 -w 2s -i 3 -r 3s -rf json -rff "${target}/jmh-result.json" "$@" ${pattern:+"${pattern}"}
