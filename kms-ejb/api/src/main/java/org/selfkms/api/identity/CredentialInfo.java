package org.selfkms.api.identity;

import java.io.Serializable;

/**
 * An API credential as administrators see it: never its secret.
 *
 * @param owner      the console user whose role it acts with, or the service's name for a service principal
 * @param lastUsedTime Unix seconds of the last request it signed (recorded to the minute); 0 if never
 */
public record CredentialInfo(String secretId, String owner, boolean servicePrincipal, boolean enabled, long createTime,
                             long lastUsedTime) implements Serializable {
}
