package org.selfkms.api.audit;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.AuthenticationFailedException;
import org.selfkms.api.identity.Caller;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a door reports about one request for the audit trail. It holds identifiers only - never plaintext,
 * key material, data keys or secrets. Strings the caller controls (action name, key reference) are cut to
 * the column sizes and stripped of control characters, so a hostile request cannot break the record.
 *
 * @param tenantId      the tenant whose chain receives the record; {@link #PLATFORM_TENANT} when the request
 *                      could not be tied to one (unknown SecretId or user name)
 * @param door          {@code tencent} or {@code console}
 * @param principal     SecretId, console user name, or {@link #ANONYMOUS}
 * @param keyId         the key the request named or used, null if none
 * @param errorCode     the domain error code ({@link KmsErrorCode} name), null when allowed
 */
public record AuditEvent(long tenantId, String door, String principal, String action, String keyId,
                         String requestId, String sourceAddress, AuditOutcome outcome, String errorCode)
        implements Serializable {

    /** The chain of requests that belong to no tenant: authentication with an unknown identity. */
    public static final long PLATFORM_TENANT = 0;
    public static final String ANONYMOUS = "anonymous";
    public static final String DOOR_TENCENT = "tencent";
    public static final String DOOR_CONSOLE = "console";
    /** Work the server does by itself when it falls due (finishing deletions, automatic rotation). */
    public static final String DOOR_TIMER = "timer";
    /** The principal of {@link #DOOR_TIMER} records. */
    public static final String SYSTEM = "system";

    public AuditEvent {
        Objects.requireNonNull(outcome, "outcome");
        door = clean(door, 16);
        principal = principal == null || principal.isBlank() ? ANONYMOUS : clean(principal, 128);
        action = action == null || action.isBlank() ? "-" : clean(action, 64);
        keyId = keyId == null || keyId.isBlank() ? null : clean(keyId, 128);
        requestId = clean(requestId, 64);
        sourceAddress = sourceAddress == null ? "-" : clean(sourceAddress, 64);
        errorCode = errorCode == null ? null : clean(errorCode, 64);
    }

    /** A request that was served for an authenticated caller. */
    public static AuditEvent allowed(String door, Caller caller, String action, String keyId, String requestId,
                                     String sourceAddress) {
        return new AuditEvent(caller.tenantId(), door, caller.principal(), action, keyId, requestId, sourceAddress,
                AuditOutcome.ALLOWED, null);
    }

    /**
     * A request that ended in {@code failure}. Without an authenticated caller the record goes to the tenant
     * whose identity the request claimed (a known SecretId or user with a bad signature or password), or to
     * the platform chain as {@link #ANONYMOUS}.
     */
    public static AuditEvent refused(String door, Caller caller, String action, String keyId, String requestId,
                                     String sourceAddress, Throwable failure) {
        KmsException domain = KmsException.findIn(failure);
        KmsErrorCode code = domain == null ? KmsErrorCode.INTERNAL : domain.recordedCode();
        Caller who = caller;
        if (who == null && domain instanceof AuthenticationFailedException auth) {
            who = auth.claimedBy().orElse(null);
        }
        long tenant = who == null ? PLATFORM_TENANT : who.tenantId();
        String principal = who == null ? ANONYMOUS : who.principal();
        return new AuditEvent(tenant, door, principal, action, keyId, requestId, sourceAddress, AuditOutcome.of(code),
                code.name());
    }

    private static String clean(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength));
        for (int i = 0; i < value.length() && out.length() < maxLength; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
