package org.selfkms.gate;

import org.selfkms.api.audit.AuditTrail;
import org.selfkms.api.crypto.AsymmetricCrypto;
import org.selfkms.api.crypto.EnvelopeCrypto;
import org.selfkms.api.datakey.HostedDataKeys;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Services;
import org.selfkms.api.identity.BearerTokens;
import org.selfkms.api.identity.IdentityAdministration;
import org.selfkms.api.key.CloudResourceBindings;
import org.selfkms.api.key.KeyImport;
import org.selfkms.api.key.KeyManagement;
import org.selfkms.api.tenant.TenantAdministration;
import org.selfkms.api.token.TokenAdministration;
import org.selfkms.api.version.ServerVersion;

/** The services an authenticated request's operation gets: the beans' own proxies, made once by the gate. */
record KmsServices(KeyManagement keys, KeyImport imports, EnvelopeCrypto envelopes, HostedDataKeys dataKeys,
                   CloudResourceBindings bindings, AsymmetricCrypto keyPairs,
                   IdentityAdministration identities, TenantAdministration tenants, AuditTrail auditTrail,
                   TokenAdministration token, BearerTokens bearerTokens, ServerVersion version) implements Services {

    /**
     * What an anonymous request's operation gets: no service at all. The services would skip their role check
     * for a call without a caller, so an anonymous operation must not reach them.
     */
    static final Services NONE = new Services() {
        @Override
        public KeyManagement keys() {
            throw refused();
        }

        @Override
        public KeyImport imports() {
            throw refused();
        }

        @Override
        public EnvelopeCrypto envelopes() {
            throw refused();
        }

        @Override
        public HostedDataKeys dataKeys() {
            throw refused();
        }

        @Override
        public CloudResourceBindings bindings() {
            throw refused();
        }

        @Override
        public AsymmetricCrypto keyPairs() {
            throw refused();
        }

        @Override
        public IdentityAdministration identities() {
            throw refused();
        }

        @Override
        public TenantAdministration tenants() {
            throw refused();
        }

        @Override
        public AuditTrail auditTrail() {
            throw refused();
        }

        @Override
        public TokenAdministration token() {
            throw refused();
        }

        @Override
        public BearerTokens bearerTokens() {
            throw refused();
        }

        @Override
        public ServerVersion version() {
            throw refused();
        }

        private KmsException refused() {
            return new KmsException(KmsErrorCode.UNAUTHORIZED, "This request carries no credentials");
        }

        @Override
        public String toString() {
            return "Services[none]";
        }
    };
}
