package org.selfkms.identity;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed {@code Authorization: TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request,
 * SignedHeaders=a;b, Signature=<hex>} header. The service may itself contain '/' or ':' (a port or path in
 * the endpoint the client was given), so it is whatever lies between the date and the trailing terminator.
 */
public record Tc3Authorization(String secretId, String date, String service, List<String> signedHeaders,
                               String signature) {

    private static final String TERMINATOR = "/tc3_request";
    /** Compiled once: this runs on every request. */
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

    public String credentialScope() {
        return date + "/" + service + "/tc3_request";
    }

    public static Tc3Authorization parse(String header) {
        if (header == null || !header.startsWith(Tc3Signature.ALGORITHM + " ")) {
            throw malformed("Authorization must use " + Tc3Signature.ALGORITHM);
        }
        Map<String, String> items = new HashMap<>();
        for (String item : header.substring(Tc3Signature.ALGORITHM.length() + 1).split(",")) {
            int eq = item.indexOf('=');
            if (eq < 1) {
                throw malformed("Authorization header is malformed");
            }
            items.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        String credential = items.get("Credential");
        String signedHeaders = items.get("SignedHeaders");
        String signature = items.get("Signature");
        if (credential == null || signedHeaders == null || signature == null || !credential.endsWith(TERMINATOR)) {
            throw malformed("Authorization header lacks Credential, SignedHeaders or Signature");
        }
        int firstSlash = credential.indexOf('/');
        int secondSlash = firstSlash < 0 ? -1 : credential.indexOf('/', firstSlash + 1);
        int end = credential.length() - TERMINATOR.length();
        if (firstSlash < 1 || secondSlash < 0 || secondSlash >= end) {
            throw malformed("Authorization credential scope is malformed");
        }
        List<String> headers = new ArrayList<>();
        for (String name : signedHeaders.split(";")) {
            if (name.isBlank()) {
                throw malformed("SignedHeaders is malformed");
            }
            headers.add(name.trim().toLowerCase(Locale.ROOT));
        }
        if (!SIGNATURE.matcher(signature).matches()) {
            throw malformed("Signature must be 64 lower-case hex digits");
        }
        return new Tc3Authorization(credential.substring(0, firstSlash),
                credential.substring(firstSlash + 1, secondSlash),
                credential.substring(secondSlash + 1, end), List.copyOf(headers), signature);
    }

    private static KmsException malformed(String message) {
        return new KmsException(KmsErrorCode.AUTH_MALFORMED, message);
    }
}
