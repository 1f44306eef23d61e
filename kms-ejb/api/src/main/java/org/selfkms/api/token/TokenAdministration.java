package org.selfkms.api.token;

import jakarta.ejb.Local;
import org.selfkms.api.identity.Caller;

/**
 * Operator view of the token that protects everything: which backend, which domain-key versions, and
 * domain-key rotation. Only console administrators may use it; API credentials are refused
 * ({@code UNAUTHORIZED}).
 */
@Local
public interface TokenAdministration {

    TokenOverview overview(Caller caller);

    /**
     * Creates a new domain-key version inside the token and starts re-wrapping every stored key and secret
     * under it in the background. Old ciphertexts keep decrypting throughout; an old domain-key version is
     * destroyed only once nothing stored refers to it. Calling it again while a re-wrap is running is refused
     * ({@code KEY_STATE_NOT_SUPPORTED}).
     *
     * @return the overview right after the new version was created
     */
    TokenOverview rotateDomainKey(Caller caller);
}
