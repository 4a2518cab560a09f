package io.jenkins.plugins.databricksgit.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The forms a secret takes on the wire, so that text echoed back by a server, a proxy or a tool can be scrubbed of
 * all of them: the secret as is; URL-encoded (form encoding, {@code %20} for spaces, and lower-case hex); JSON-escaped
 * (with and without {@code \/}, with non-ASCII characters as is and as {@code \}{@code uXXXX} in either case); base64 and base64url of
 * the secret alone and of {@code user:secret} for each user name it is sent with in HTTP Basic authentication
 * ({@code x-token-auth} for a Bitbucket token, the client id for an OAuth client secret), each with and without
 * padding.
 */
public final class SecretForms {
    /** Secrets shorter than this are not looked for: masking every {@code "abc"} would hide ordinary text. */
    public static final int MIN_LENGTH = 4;

    private SecretForms() {}

    /**
     * The forms of one secret, longest first, without duplicates; empty when the secret is shorter than
     * {@link #MIN_LENGTH}.
     *
     * @param users user names the secret is sent with as {@code user:secret} in a Basic authorization header
     */
    public static List<String> of(String secret, Collection<String> users) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            return List.of();
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        forms.add(form);
        forms.add(lowerHex(form));
        String percent = form.replace("+", "%20");
        forms.add(percent);
        forms.add(lowerHex(percent));
        String json = json(secret, null);
        forms.add(json);
        forms.add(json.replace("/", "\\/"));
        for (String hex : List.of("%04x", "%04X")) {
            String jsonAscii = json(secret, hex);
            forms.add(jsonAscii);
            forms.add(jsonAscii.replace("/", "\\/"));
        }
        addBase64(forms, secret);
        if (users != null) {
            for (String user : users) {
                if (user != null && !user.isEmpty()) {
                    addBase64(forms, user + ":" + secret);
                }
            }
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.removeIf(f -> f.length() < MIN_LENGTH);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }

    /** The forms of several secrets, longest first, without duplicates. */
    public static List<String> ofAll(Collection<String> secrets, Collection<String> users) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : secrets) {
            all.addAll(of(s, users));
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }

    private static void addBase64(Set<String> forms, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        forms.add(Base64.getEncoder().encodeToString(bytes));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static String lowerHex(String urlEncoded) {
        StringBuilder b = new StringBuilder(urlEncoded.length());
        for (int i = 0; i < urlEncoded.length(); i++) {
            char c = urlEncoded.charAt(i);
            if (c == '%' && i + 2 < urlEncoded.length()) {
                b.append(c).append(urlEncoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The body of a JSON string literal holding {@code s}, as JSON writers escape it. */
    private static String json(String s, String nonAsciiHex) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || (nonAsciiHex != null && c > 0x7e)) {
                        b.append("\\u")
                                .append(String.format(
                                        Locale.ROOT, nonAsciiHex == null ? "%04x" : nonAsciiHex, (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
