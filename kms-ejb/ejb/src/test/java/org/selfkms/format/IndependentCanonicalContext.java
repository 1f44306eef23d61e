package org.selfkms.format;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canonical encryption context written from docs/ciphertext-format.md alone ("Associated data"), sharing no
 * code with the server: pairs sorted by name in UTF-16 code units, {@code {"name":"value",...}} without white
 * space, only {@code "}, {@code \} and U+0000..U+001F escaped (the latter as {@code \}{@code u00xx}, lower-case
 * hex), then UTF-8 (the server refuses a context with an unpaired surrogate, which UTF-8 cannot encode). No pairs
 * is zero bytes, not {@code {}}.
 */
public final class IndependentCanonicalContext {

    private IndependentCanonicalContext() {
    }

    public static byte[] encode(Map<String, String> pairs) {
        if (pairs.isEmpty()) {
            return new byte[0];
        }
        List<String> names = new ArrayList<>(pairs.keySet());
        names.sort(IndependentCanonicalContext::compareUtf16);
        StringBuilder text = new StringBuilder("{");
        for (String name : names) {
            if (text.length() > 1) {
                text.append(',');
            }
            quote(text, name);
            text.append(':');
            quote(text, pairs.get(name));
        }
        return utf8(text.append('}'));
    }

    /** Code unit by code unit, a prefix first: U+FF61 sorts after U+1F600 (high surrogate U+D83D). */
    private static int compareUtf16(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return a.charAt(i) - b.charAt(i);
            }
        }
        return a.length() - b.length();
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static byte[] utf8(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int codePoint;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                codePoint = '?';
            } else {
                codePoint = c;
            }
            if (codePoint < 0x80) {
                out.write(codePoint);
            } else if (codePoint < 0x800) {
                out.write(0xc0 | codePoint >> 6);
                out.write(0x80 | codePoint & 0x3f);
            } else if (codePoint < 0x10000) {
                out.write(0xe0 | codePoint >> 12);
                out.write(0x80 | codePoint >> 6 & 0x3f);
                out.write(0x80 | codePoint & 0x3f);
            } else {
                out.write(0xf0 | codePoint >> 18);
                out.write(0x80 | codePoint >> 12 & 0x3f);
                out.write(0x80 | codePoint >> 6 & 0x3f);
                out.write(0x80 | codePoint & 0x3f);
            }
        }
        return out.toByteArray();
    }
}
