// Every action of the official Tencent Cloud Node.js SDK's KMS client, called with an empty request against this
// server: one JSON line per action with the error code it got ("" when it was answered), for NodeSdkIT to check.
// Configuration comes from the environment as for kms-slice.js; nothing is created (every creating action needs a
// field an empty request lacks).
"use strict";
const { Client } = require("tencentcloud-sdk-nodejs/tencentcloud/services/kms/v20190118/kms_client");

const client = new Client({
    credential: { secretId: process.env.KMS_SECRET_ID, secretKey: process.env.KMS_SECRET_KEY },
    region: "ap-guangzhou",
    profile: { httpProfile: { endpoint: process.env.KMS_ENDPOINT, protocol: "http://" } },
});

async function main() {
    const actions = Object.getOwnPropertyNames(Client.prototype).filter((name) => name !== "constructor").sort();
    for (const action of actions) {
        let code = "";
        try {
            await client[action]({});
        } catch (e) {
            code = e.code || String(e);
        }
        console.log(JSON.stringify({ step: "action", action, code }));
    }
}

main().catch((e) => {
    console.error("every-action run failed: " + (e.code || "") + " " + e.message);
    process.exit(1);
});
