package org.selfkms.api.gate;

import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.SignedApiRequest;

import java.util.Objects;

/**
 * What a request presents to prove who sends it, exactly as the door received it: the gate checks it. Whatever
 * holds a secret leaves it out of {@code toString}, so that a log line or a debugger view never shows it.
 */
public sealed interface Credentials {

    /** A TC3-HMAC-SHA256 signed request of the Tencent door. */
    record Tc3(SignedApiRequest request) implements Credentials {
        public Tc3 {
            Objects.requireNonNull(request, "request");
        }

        @Override
        public String toString() {
            return "Tc3[signed request]";
        }
    }

    /** An API credential itself (HTTP Basic on the REST door's {@code POST /tokens}). */
    record SecretKeyPair(String secretId, String secretKey) implements Credentials {
        @Override
        public String toString() {
            return "SecretKeyPair[secretId=" + secretId + "]";
        }
    }

    /** A bearer token the REST door issued; the credential it was issued for is checked again on every use. */
    record BearerToken(String token) implements Credentials {
        @Override
        public String toString() {
            return "BearerToken[]";
        }
    }

    /** A console user who logged in earlier: the session's caller, established by the login. */
    record ConsoleSession(Caller caller) implements Credentials {
        public ConsoleSession {
            Objects.requireNonNull(caller, "caller");
        }
    }

    /**
     * A console login. The password is an array so that whoever made it can wipe it once the gate has answered;
     * the gate does not keep it.
     */
    record ConsoleLogin(String userName, char[] password) implements Credentials {
        @Override
        public String toString() {
            return "ConsoleLogin[userName=" + userName + "]";
        }
    }

    /**
     * Nothing: an anonymous request. Its operation gets no caller and no service (every service refuses it), and it
     * is recorded as anonymous in the platform chain.
     */
    record None() implements Credentials {
    }
}
