#!/usr/bin/env bash
# Configures Payara's domain1 with an asadmin script: asadmin changes a running domain, so start it, run the
# script, and stop it again whatever happened. Arguments: the server folder, the asadmin script.
set -euo pipefail
server="$1"
script="$2"
asadmin="${server}/bin/asadmin"
domain="${server}/glassfish/domains/domain1"

# Payara's distribution ships one TLS key for every installation: give this one its own before anything uses it
# (alias s1as serves HTTPS; glassfish-instance is the admin's). docs/operations.md tells how to put in a real one.
for alias in s1as glassfish-instance; do
    keytool -delete -alias "${alias}" -keystore "${domain}/config/keystore.p12" -storepass changeit >/dev/null 2>&1 || true
    keytool -delete -alias "${alias}" -keystore "${domain}/config/cacerts.p12" -storepass changeit >/dev/null 2>&1 || true
    keytool -genkeypair -alias "${alias}" -keyalg EC -groupname secp256r1 -validity 825 \
        -dname "CN=localhost, O=SelfKMS" -ext "SAN=dns:localhost,ip:127.0.0.1" \
        -keystore "${domain}/config/keystore.p12" -storepass changeit -keypass changeit >/dev/null
    keytool -exportcert -alias "${alias}" -keystore "${domain}/config/keystore.p12" -storepass changeit \
        | keytool -importcert -noprompt -alias "${alias}" -keystore "${domain}/config/cacerts.p12" -storepass changeit >/dev/null
done

"${asadmin}" start-domain domain1 >/dev/null
trap '"${asadmin}" stop-domain domain1 >/dev/null' EXIT
# multimode goes on after a command fails and exits 0: the build must fail instead
output="$("${asadmin}" multimode --file "${script}" 2>&1)" || { echo "${output}"; exit 1; }
echo "${output}"
if grep -q "^Command .* failed" <<<"${output}"; then
    echo "configure-domain: an asadmin command failed" >&2
    exit 1
fi
