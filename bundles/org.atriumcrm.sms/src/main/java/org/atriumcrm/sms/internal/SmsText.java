package org.atriumcrm.sms.internal;

/**
 * How a text travels as SMS. Only text whose every character has the same code in ASCII/Latin-1 and in the GSM
 * 03.38 default alphabet goes in the default alphabet (data_coding 0: 160 characters in one message, 153 per part):
 * SMSCs read data_coding 0 as either, and '@', '$', '_' or '€' would arrive as other characters. Everything
 * else — Chinese above all — goes as UCS-2 (data_coding 8: 70 characters, 67 per part). Gateways bill per part,
 * so the CRM counts parts exactly as camel-smpp splits them.
 */
final class SmsText {
    private SmsText() {
    }

    /** Whether the text can go in the default alphabet; otherwise it must be sent UCS-2. */
    static boolean isDefaultAlphabet(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean same = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\n' || c == '\r'
                    || c >= ' ' && c <= '?' && c != '$';
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The number of messages (parts) the text is sent in. */
    static int segments(String text) {
        int units = text.length(); // UTF-16 code units: a character outside the BMP takes two, as on the air
        if (isDefaultAlphabet(text)) {
            return units <= 160 ? 1 : (units + 152) / 153;
        }
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
