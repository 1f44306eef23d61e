// The official Tencent Cloud Node.js SDK, unchanged, against this server: a slice of the KMS actions, each result
// printed as one JSON line for NodeSdkIT to check. Configuration comes from the environment (KMS_ENDPOINT as
// host:port, KMS_SECRET_ID, KMS_SECRET_KEY, KMS_ALIAS_PREFIX); nothing secret is printed.
"use strict";
const { Client } = require("tencentcloud-sdk-nodejs/tencentcloud/services/kms/v20190118/kms_client");

const client = new Client({
    credential: { secretId: process.env.KMS_SECRET_ID, secretKey: process.env.KMS_SECRET_KEY },
    region: "ap-guangzhou",
    profile: { httpProfile: { endpoint: process.env.KMS_ENDPOINT, protocol: "http://" } },
});
const prefix = process.env.KMS_ALIAS_PREFIX;
const context = JSON.stringify({ app: "node-sdk", purpose: "it" });

function report(step, result) {
    console.log(JSON.stringify({ step, ...result }));
}

/** A call that must be refused: its Tencent error code. */
async function refused(call) {
    try {
        await call();
        return "accepted";
    } catch (e) {
        return e.code || String(e);
    }
}

async function main() {
    const created = await client.CreateKey({ Alias: prefix + "-sym", Description: "made by the Node.js SDK" });
    report("CreateKey", { keyId: created.KeyId, state: created.KeyState, usage: created.KeyUsage });
    const described = await client.DescribeKey({ KeyId: created.KeyId });
    report("DescribeKey", { alias: described.KeyMetadata.Alias, description: described.KeyMetadata.Description });
    const listed = await client.ListKeys({ Limit: 100 });
    report("ListKeys", { total: listed.TotalCount, found: listed.Keys.some((k) => k.KeyId === created.KeyId) });

    const plaintext = Buffer.from("node sdk plaintext").toString("base64");
    const encrypted = await client.Encrypt({ KeyId: created.KeyId, Plaintext: plaintext, EncryptionContext: context });
    const decrypted = await client.Decrypt({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: context });
    report("EncryptDecrypt", { roundTrip: decrypted.Plaintext === plaintext, keyId: decrypted.KeyId, blob: encrypted.CiphertextBlob });
    report("DecryptWrongContext", { code: await refused(() => client.Decrypt({ CiphertextBlob: encrypted.CiphertextBlob,
        EncryptionContext: JSON.stringify({ app: "other" }) })) });

    const dataKey = await client.GenerateDataKey({ KeyId: created.KeyId, KeySpec: "AES_256", EncryptionContext: context });
    const unwrapped = await client.Decrypt({ CiphertextBlob: dataKey.CiphertextBlob, EncryptionContext: context });
    report("GenerateDataKey", { bytes: Buffer.from(dataKey.Plaintext, "base64").length, matches: unwrapped.Plaintext === dataKey.Plaintext });

    const signer = await client.CreateKey({ Alias: prefix + "-sign", KeyUsage: "ASYMMETRIC_SIGN_VERIFY_ECC" });
    const message = Buffer.from("signed by node").toString("base64");
    const signature = await client.SignByAsymmetricKey({ KeyId: signer.KeyId, Algorithm: "ECC_P256_R1", Message: message, MessageType: "RAW" });
    const verified = await client.VerifyByAsymmetricKey({ KeyId: signer.KeyId, Algorithm: "ECC_P256_R1", Message: message,
        MessageType: "RAW", SignatureValue: signature.Signature });
    const forged = await client.VerifyByAsymmetricKey({ KeyId: signer.KeyId, Algorithm: "ECC_P256_R1",
        Message: Buffer.from("something else").toString("base64"), MessageType: "RAW", SignatureValue: signature.Signature });
    report("SignVerify", { valid: verified.SignatureValid, forgedValid: forged.SignatureValid, signer: signer.KeyId });

    report("UnknownKey", { code: await refused(() => client.DescribeKey({ KeyId: "00000000-0000-0000-0000-000000000000" })) });
    const off = await client.CreateKey({ Alias: prefix + "-off" });
    await client.DisableKey({ KeyId: off.KeyId });
    report("DisabledKey", { keyId: off.KeyId, code: await refused(() => client.Encrypt({ KeyId: off.KeyId, Plaintext: plaintext })) });
    report("BadBlob", { code: await refused(() => client.Decrypt({ CiphertextBlob: "bm90IGEgYmxvYg==" })) });
}

main().catch((e) => {
    console.log(JSON.stringify({ step: "failed", code: e.code || "", message: String(e.message || e) }));
    process.exit(1);
});
