package org.selfkms.rest.v1;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.util.Locale;
import org.selfkms.api.json.Jsons;

/**
 * Errors of the REST door as RFC 9457 problem details: {@code type} (one URN per code), {@code title} (the
 * status's reason phrase), {@code status}, {@code detail}, and the extensions {@code code} (the stable
 * {@link KmsErrorCode} name) and {@code requestId} (also in the {@code X-Request-Id} header, and in the audit
 * record). Never a stack trace.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:selfkms:problem:";

    private Problems() {
    }

    /** The HTTP status of every domain error; exhaustive, so a new code does not compile until it is placed. */
    static int status(KmsErrorCode code) {
        return switch (code) {
            case AUTH_MALFORMED, AUTH_UNKNOWN_SECRET_ID, AUTH_SIGNATURE_EXPIRED, AUTH_SIGNATURE_MISMATCH,
                 AUTH_LOGIN_FAILED, AUTH_LOGIN_LOCKED -> 401;
            // KEY_POLICY_DENIED is only ever recorded, never answered: placed with the refusals it stands for
            case UNAUTHORIZED, TENANT_SUSPENDED, KEY_POLICY_DENIED -> 403;
            case KEY_NOT_FOUND, IDENTITY_NOT_FOUND, TENANT_NOT_FOUND, UNKNOWN_ACTION, DATA_KEY_NOT_FOUND, BINDING_NOT_FOUND -> 404;
            case ALIAS_EXISTS, IDENTITY_EXISTS, KEY_DISABLED, KEY_ARCHIVED, KEY_PENDING_DELETE, KEY_STATE_NOT_SUPPORTED,
                 KEY_SHOULD_BE_DISABLED, KEY_NOT_PENDING_DELETE, KEY_NOT_USER_CREATED, KEY_NOT_EXTERNAL,
                 ROTATION_NOT_SUPPORTED, IMPORT_TOKEN_EXPIRED, KEY_LIMIT_EXCEEDED, IMPORT_TOKEN_LIMIT_EXCEEDED,
                 KEY_IN_USE_BY_RESOURCE, DATA_KEY_NAME_EXISTS, DATA_KEY_DISABLED, DATA_KEY_PENDING_DELETE,
                 DATA_KEY_STATE_NOT_SUPPORTED, DATA_KEY_NOT_PENDING_DELETE, DATA_KEY_LIMIT_EXCEEDED -> 409;
            case MALFORMED_REQUEST, MISSING_PARAMETER, INVALID_PARAMETER, INVALID_PARAMETER_VALUE, UNSUPPORTED_VERSION,
                 MEMBER_ACCOUNT_UNSUPPORTED, UNSUPPORTED_REGION, HSM_CLUSTER_ID_INVALID, KEY_ID_INVALID,
                 PENDING_WINDOW_INVALID, KEY_USAGE_INVALID, KEY_USAGE_UNAVAILABLE, KEY_TYPE_INVALID, ALIAS_INVALID,
                 DUPLICATED_KEY_ID, TAG_INVALID, TAG_KEYS_DUPLICATED, IMPORT_TOKEN_INVALID, MATERIAL_DECRYPT_FAILED,
                 MATERIAL_NOT_MATCH, PLAINTEXT_INVALID, CIPHERTEXT_INVALID, DECRYPT_FAILED, ENCRYPTION_FAILED,
                 ENCRYPTION_CONTEXT_INVALID, DATA_KEY_ID_INVALID, DATA_KEY_NAME_INVALID, DUPLICATED_DATA_KEY_ID,
                 DATA_KEY_MATERIAL_INVALID -> 400;
            case UNSUPPORTED_OPERATION -> 501;
            case ROTATION_RATE_LIMITED -> 429;
            case TOKEN_UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    /**
     * What the caller is told. Authentication refusals are told apart only as far as the caller can act on it:
     * the header was unreadable, the bearer token is no longer valid, or the credentials were refused - never
     * whether a SecretId exists.
     */
    static KmsException shown(KmsException failure) {
        return switch (failure.code()) {
            case AUTH_UNKNOWN_SECRET_ID, AUTH_SIGNATURE_MISMATCH, AUTH_LOGIN_FAILED, AUTH_LOGIN_LOCKED ->
                    new KmsException(KmsErrorCode.AUTH_LOGIN_FAILED, "The API credentials are not valid");
            case AUTH_SIGNATURE_EXPIRED ->
                    new KmsException(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, "The bearer token is unknown, expired or revoked: request a new one");
            default -> failure;
        };
    }

    static Response of(KmsException failure, String requestId) {
        KmsException shown = shown(failure);
        int status = failure instanceof HttpRefusal refusal ? refusal.status() : status(shown.code());
        return of(status, shown.code(), shown.getMessage(), requestId);
    }

    static Response internal(String requestId) {
        return of(500, KmsErrorCode.INTERNAL, "Internal error; quote requestId " + requestId + " to the operator", requestId);
    }

    static Response of(int status, KmsErrorCode code, String detail, String requestId) {
        JsonObjectBuilder body = Jsons.object()
                .add("type", TYPE_PREFIX + code.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .add("title", title(status))
                .add("status", status)
                .add("detail", detail == null ? "" : detail)
                .add("code", code.name())
                .add("requestId", requestId);
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(body.build().toString())
                .header("X-Request-Id", requestId).header("Cache-Control", "no-store");
        if (status == 401) {
            response.header("WWW-Authenticate", switch (code) {
                case AUTH_LOGIN_FAILED -> "Basic realm=\"selfkms\", charset=\"UTF-8\"";
                case AUTH_SIGNATURE_EXPIRED -> "Bearer realm=\"selfkms\", error=\"invalid_token\"";
                default -> "Bearer realm=\"selfkms\"";
            });
        }
        if (status == 503) {
            response.header("Retry-After", "5");
        }
        return response.build();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
