package org.selfkms.identity;

import org.selfkms.crypto.Engines;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TC3-HMAC-SHA256, computed exactly as the Tencent Cloud SDK does (see the API reference, section 1.4):
 * canonical request, string to sign, derived signing key, signature.
 */
public final class Tc3Signature {

    public static final String ALGORITHM = "TC3-HMAC-SHA256";

    private Tc3Signature() {
    }

    /**
     * @param signedHeaders lower-case header names in the order the client listed them
     * @param headerValues  received values by lower-case name
     */
    public static String canonicalRequest(String method, String canonicalQuery, List<String> signedHeaders,
                                          Map<String, String> headerValues, String payloadSha256) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            headers.append(name).append(':').append(headerValues.get(name)).append('\n');
        }
        return method + "\n/\n" + canonicalQuery + "\n" + headers + "\n" + String.join(";", signedHeaders) + "\n" + payloadSha256;
    }

    /**
     * The header values a genuine client may have signed, in the forms the official SDKs and Tencent's signing guide
     * use, each once: as received; lower-cased and trimmed, as the guide canonicalizes them (its example signs
     * {@code x-tc-action:describeinstances}); and each of those with {@code host} as the host name without the port,
     * as the Node.js SDK signs it (the URL's {@code hostname}) while its HTTP client sends {@code Host: name:port}.
     * Unsigned headers are kept as received. docs/security.md, "Signatures", says why accepting these forms does not
     * weaken the check.
     */
    public static List<Map<String, String>> signedHeaderForms(List<String> signedHeaders, Map<String, String> headerValues) {
        Map<String, String> documented = new HashMap<>(headerValues);
        for (String name : signedHeaders) {
            String value = headerValues.get(name);
            if (value != null) {
                documented.put(name, value.strip().toLowerCase(Locale.ROOT));
            }
        }
        List<Map<String, String>> forms = new ArrayList<>();
        for (Map<String, String> form : List.of(headerValues, documented)) {
            if (!forms.contains(form)) {
                forms.add(form);
            }
        }
        for (Map<String, String> form : List.copyOf(forms)) {
            String host = form.get("host");
            String hostname = host == null ? null : withoutPort(host);
            if (hostname != null && !hostname.equals(host)) {
                Map<String, String> withoutPort = new HashMap<>(form);
                withoutPort.put("host", hostname);
                if (!forms.contains(withoutPort)) {
                    forms.add(withoutPort);
                }
            }
        }
        return forms;
    }

    /** {@code name:port} and {@code [v6]:port} without the port; anything else as it is. */
    static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || colon == host.length() - 1) {
            return host;
        }
        for (int i = colon + 1; i < host.length(); i++) {
            if (!Character.isDigit(host.charAt(i))) {
                return host;
            }
        }
        String name = host.substring(0, colon);
        boolean bracketed = name.startsWith("[") && name.endsWith("]");
        return name.indexOf(':') < 0 || bracketed ? name : host;
    }

    public static String stringToSign(String timestamp, String credentialScope, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + credentialScope + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static String signature(byte[] secretKey, String date, String service, String stringToSign) {
        return signatureWith(signingKey(secretKey, date, service), stringToSign);
    }

    /** The key of one SecretKey, date and service that signs the string to sign: HMAC("TC3" + key, date, service, "tc3_request"). */
    public static byte[] signingKey(byte[] secretKey, String date, String service) {
        byte[] prefixed = new byte[secretKey.length + 3];
        prefixed[0] = 'T';
        prefixed[1] = 'C';
        prefixed[2] = '3';
        System.arraycopy(secretKey, 0, prefixed, 3, secretKey.length);
        byte[] kDate = hmac(prefixed, date);
        java.util.Arrays.fill(prefixed, (byte) 0);
        byte[] kService = hmac(kDate, service);
        java.util.Arrays.fill(kDate, (byte) 0);
        byte[] kSigning = hmac(kService, "tc3_request");
        java.util.Arrays.fill(kService, (byte) 0);
        return kSigning;
    }

    public static String signatureWith(byte[] signingKey, String stringToSign) {
        return HexFormat.of().formatHex(hmac(signingKey, stringToSign));
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(Engines.sha256().digest(data));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Engines.hmacSha256();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
