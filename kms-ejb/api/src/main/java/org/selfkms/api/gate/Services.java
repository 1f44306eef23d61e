package org.selfkms.api.gate;

import org.selfkms.api.audit.AuditTrail;
import org.selfkms.api.crypto.AsymmetricCrypto;
import org.selfkms.api.crypto.EnvelopeCrypto;
import org.selfkms.api.datakey.HostedDataKeys;
import org.selfkms.api.identity.BearerTokens;
import org.selfkms.api.identity.IdentityAdministration;
import org.selfkms.api.key.CloudResourceBindings;
import org.selfkms.api.key.KeyImport;
import org.selfkms.api.key.KeyManagement;
import org.selfkms.api.tenant.TenantAdministration;
import org.selfkms.api.token.TokenAdministration;
import org.selfkms.api.version.ServerVersion;

/**
 * The KMS's services as an {@link Operation} receives them: the doors hold none of their own, so every service
 * call is made inside a request the gate authenticates and audits. Each service still authorises every call
 * itself (role and tenant state).
 */
public interface Services {

    KeyManagement keys();

    KeyImport imports();

    EnvelopeCrypto envelopes();

    HostedDataKeys dataKeys();

    CloudResourceBindings bindings();

    AsymmetricCrypto keyPairs();

    IdentityAdministration identities();

    TenantAdministration tenants();

    AuditTrail auditTrail();

    TokenAdministration token();

    /** The REST door's bearer tokens: issued to and revoked by the caller. */
    BearerTokens bearerTokens();

    /** Which build answers, on which schema: for authenticated callers only. */
    ServerVersion version();
}
