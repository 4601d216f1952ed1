package org.atriumcrm.sms.internal;

import java.util.Optional;

/**
 * Telephone numbers as the gateways and the records need them. People type a mainland mobile in many ways
 * ({@code 13800138000}, {@code 8613800138000}, {@code +86 138-0013-8000}, {@code 0086 138 0013 8000}); gateways want one
 * (E.164, {@code +8613800138000}), and an inbound message must find the contact whatever way its mobile was typed.
 */
final class PhoneNumbers {
    /** E.164 allows at most 15 digits; fewer than 7 is a short code or a typo, never a person's phone. */
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;

    private PhoneNumbers() {
    }

    /**
     * The number in E.164 ({@code +<country><number>}), or empty when it cannot be one. Without an international
     * prefix a number is national to {@code defaultCountry} (its trunk prefix 0 dropped); an 11-digit number
     * starting with 1 is a mainland mobile even when the default country is another one's.
     */
    static Optional<String> e164(String raw, String defaultCountry) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (!s.matches("[+0-9 ()\\-./\u00a0\u3000]+")) {
            return Optional.empty(); // letters, extensions ("ext. 12"), anything a gateway would refuse
        }
        boolean international = s.startsWith("+");
        String digits = s.replaceAll("[^0-9]", "");
        if (!international && digits.startsWith("00")) {
            international = true;
            digits = digits.substring(2);
        }
        if (!international) {
            if (digits.length() == 11 && digits.matches("1[3-9][0-9]{9}")) {
                digits = "86" + digits;
            } else if (digits.length() == 13 && digits.matches("861[3-9][0-9]{9}")) {
                // 86 and a mainland mobile, written without the plus
            } else {
                String country = defaultCountry == null || defaultCountry.isBlank() ? "86" : defaultCountry.replaceAll("[^0-9]", "");
                digits = country + (digits.startsWith("0") ? digits.substring(1) : digits);
            }
        }
        if (digits.startsWith("0") || digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        return Optional.of("+" + digits);
    }

    /** The last digits of a number: typed with any separators, the last four are nearly always written together. */
    static String tail(String e164) {
        return e164.substring(Math.max(1, e164.length() - 4));
    }
}
