#!/usr/bin/env bash
# Makes this fixture: an installation of the previous release with some data, as UpgradeIT upgrades it.
# Usage: make-fixture.sh <server folder of the previous release's build> <this folder>
# Needs curl, jq and base64; exports the database with the server's own H2 jar. See README.md.
set -euo pipefail
server=$1
out=$(cd "$2" && pwd)
h2_jar=$(ls "$server"/modules/system/layers/base/com/h2database/h2/main/h2-*.jar)
offset=300
KMS=http://127.0.0.1:$((8080 + offset))
management=127.0.0.1:$((9990 + offset))

# the fixture's credentials: test values, given at the first start so that the fixture can name them
export KMS_ADMIN_PASSWORD=upgrade-Admin-Passw0rd KMS_OPERATOR_PASSWORD=upgrade-Operator-Passw0rd
export KMS_BOOTSTRAP_SECRET_ID=AKIDupgradeFixture00000000000001 KMS_BOOTSTRAP_SECRET_KEY=upgradeFixtureSecretKey-0123456789
SECRET_ID=$KMS_BOOTSTRAP_SECRET_ID SECRET_KEY=$KMS_BOOTSTRAP_SECRET_KEY

rm -rf "$server/standalone/data" "$server/standalone/log" "$server/standalone/tmp"
"$server/bin/standalone.sh" -Djboss.socket.binding.port-offset=$offset -Dkms.rotation.min-interval-seconds=0 \
    > "$server/make-fixture-server.log" 2>&1 &
trap '"$server/bin/jboss-cli.sh" --connect --controller=$management --command=:shutdown >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 120); do
    state=$("$server/bin/jboss-cli.sh" --connect --controller=$management --command=':read-attribute(name=server-state)' 2>/dev/null \
        | sed -n 's/.*"result" => "\(.*\)".*/\1/p') || true
    [ "$state" = running ] && break
    sleep 1
done
[ "$state" = running ]

TOKEN=$(curl -sS --fail-with-body -u "$SECRET_ID:$SECRET_KEY" -X POST "$KMS/api/v1/tokens" | jq -r .token)
api() { # method path [json body]
    curl -sS --fail-with-body -X "$1" "$KMS/api/v1$2" -H "Authorization: Bearer $TOKEN" \
        ${3:+-H 'Content-Type: application/json' -d "$3"}
}
b64() { printf '%s' "$1" | base64 -w0; }
encrypt() { # key plaintext [context json]
    api POST "/keys/$1/encrypt" "{\"plaintext\":\"$(b64 "$2")\",\"encryptionContext\":${3:-{\}}}" | jq -r .ciphertextBlob
}
ciphertexts='[]'
remember() { # key plaintext context blob
    ciphertexts=$(jq -c --arg key "$1" --arg plaintext "$2" --argjson context "$3" --arg blob "$4" \
        '. + [{key: $key, plaintext: $plaintext, encryptionContext: $context, ciphertextBlob: $blob}]' <<<"$ciphertexts")
}
encrypt_and_remember() { # key plaintext context
    remember "$1" "$2" "$3" "$(encrypt "$1" "$2" "$3")"
}

# a symmetric key, with and without encryption context
api POST /keys '{"alias":"upgrade-orders","description":"made by the previous release","tags":{"team":"upgrade"}}' >/dev/null
encrypt_and_remember upgrade-orders 'card 4111 1111' '{"order":"42","table":"orders"}'
encrypt_and_remember upgrade-orders 'no context at all' '{}'
# a key disabled after use
api POST /keys '{"alias":"upgrade-disabled"}' >/dev/null
encrypt_and_remember upgrade-disabled 'written before it was disabled' '{"purpose":"disabled"}'
api POST /keys/upgrade-disabled/disable >/dev/null
# a key rotated once: a blob under each version
api POST /keys '{"alias":"upgrade-rotated"}' >/dev/null
encrypt_and_remember upgrade-rotated 'under version 1' '{"v":"1"}'
api POST /keys/upgrade-rotated/rotation/enable '{"rotateDays":90}' >/dev/null
api POST /keys/upgrade-rotated/rotate >/dev/null
encrypt_and_remember upgrade-rotated 'under version 2' '{"v":"2"}'
# an asymmetric signing key and one of its signatures
api POST /keys '{"alias":"upgrade-signer","usage":"ASYMMETRIC_SIGN_VERIFY_ECC"}' >/dev/null
message=$(b64 'pay 100 to bob')
signature=$(api POST /keys/upgrade-signer/sign "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"$message\"}" | jq -r .signature)
public_key=$(api GET /keys/upgrade-signer/public-key | jq -r .publicKeyPem)
# a hosted data key
data_key=$(api POST /data-keys '{"keyRef":"upgrade-orders","name":"upgrade-table","encryptionContext":{"table":"upgrade"}}')

keys='{}'
for alias in upgrade-orders upgrade-disabled upgrade-rotated upgrade-signer; do
    keys=$(jq -c --arg alias "$alias" --argjson key "$(api GET "/keys/$alias")" \
        '. + {($alias): {keyId: $key.keyId, state: $key.state, usage: $key.usage, currentVersion: $key.currentVersion}}' <<<"$keys")
done
verification=$(api GET /audit-records/verification)
[ "$(jq -r .intact <<<"$verification")" = true ]
api GET /audit-records/checkpoints/latest > "$out/checkpoint.json"

jq -n --arg secretId "$SECRET_ID" --arg secretKey "$SECRET_KEY" --arg admin "$KMS_ADMIN_PASSWORD" \
    --arg operator "$KMS_OPERATOR_PASSWORD" --argjson keys "$keys" --argjson ciphertexts "$ciphertexts" \
    --arg message "$message" --arg signature "$signature" --arg publicKey "$public_key" --argjson dataKey "$data_key" \
    --argjson records "$(jq .recordsChecked <<<"$verification")" \
    '{credentials: {secretId: $secretId, secretKey: $secretKey, adminPassword: $admin, operatorPassword: $operator},
      keys: $keys, ciphertexts: $ciphertexts,
      signature: {key: "upgrade-signer", algorithm: "ECC_P256_R1", message: $message, signature: $signature, publicKeyPem: $publicKey},
      hostedDataKey: {dataKeyId: $dataKey.dataKeyId, name: $dataKey.name, plaintext: $dataKey.plaintext},
      auditRecordsBeforeUpgrade: $records}' > "$out/expected.json"

"$server/bin/jboss-cli.sh" --connect --controller=$management --command=:shutdown >/dev/null
wait
trap - EXIT

data=$server/standalone/data/kms
java -cp "$h2_jar" org.h2.tools.Script -url "jdbc:h2:file:$data/kmsdb" -user sa -password kms -script "$out/kmsdb.sql"
base64 -w76 "$data/token/software-token.p12" > "$out/software-token.p12.base64"
cp "$data/token/token.pin" "$out/token.pin"
(cd "$data" && find . -type f | sort) > "$out/data-files.txt"
