package org.atriumcrm.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atriumcrm.api.meta.Label;

/**
 * The texts of problem documents in the languages Atrium speaks. English is what an exception says where it is raised
 * (also in logs, import reports and non-REST callers); other languages are a catalogue keyed by the stable names a
 * client can branch on — the problem type, an {@code AtriumException}'s message key, a field error's code — so
 * that translating never touches the modules that raise the problems, and a key without a translation simply stays
 * English.
 */
final class ProblemMessages {
    static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
    static final Locale ENGLISH = Locale.ENGLISH;
    /** The code of a field error raised without one. */
    static final String UNCODED = "invalid";

    private static final Map<String, String> CHINESE_TEXTS = load("problem-messages_zh-CN.properties");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");
    /**
     * Constant English messages that modules raise without a code (their own required checks): known by their words,
     * so a client still gets the code and a Chinese user the translation.
     */
    private static final Map<String, String> UNCODED_MESSAGES = Map.of("is required", "required",
            "must be true or false", "boolean", "must be an integer", "integer", "is not a valid email address", "email",
            "is not a valid phone number", "phone");

    private ProblemMessages() {
    }

    /**
     * The language of an answer: the user's own setting when there is one, else the first language of
     * {@code Accept-Language} that Atrium speaks (any {@code zh} is Chinese), else English.
     */
    static Locale language(String userLanguage, List<Locale> acceptable) {
        if (userLanguage != null && !userLanguage.isBlank()) {
            return isChinese(Locale.forLanguageTag(userLanguage.strip())) ? CHINESE : ENGLISH;
        }
        for (Locale l : acceptable == null ? List.<Locale>of() : acceptable) {
            if (isChinese(l)) {
                return CHINESE;
            }
            if ("en".equals(l.getLanguage())) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }

    private static boolean isChinese(Locale l) {
        return l != null && "zh".equals(l.getLanguage());
    }

    /** The {@code Content-Language} of a document in {@code language}. */
    static String tag(Locale language) {
        return CHINESE.equals(language) ? "zh-CN" : "en";
    }

    /** The text of {@code key} in {@code language} with its arguments, or null where there is none (English: always). */
    static String text(Locale language, String key, List<?> args) {
        if (!CHINESE.equals(language) || key == null) {
            return null;
        }
        String template = CHINESE_TEXTS.get(key);
        return template == null ? null : fill(template, language, args);
    }

    /** A field error's code: its own, else the one of a known constant message, else {@link #UNCODED}. */
    static String code(String code, String message) {
        if (code != null && !code.isBlank()) {
            return code;
        }
        return message == null ? UNCODED : UNCODED_MESSAGES.getOrDefault(message, UNCODED);
    }

    /** An argument as the user reads it: a label in their language, a word of the API translated, anything else as is. */
    static String argument(Object arg, Locale language) {
        if (arg instanceof Label label) {
            return label.in(language);
        }
        String text = String.valueOf(arg);
        String word = CHINESE.equals(language) ? CHINESE_TEXTS.get("word." + text) : null;
        return word == null ? text : word;
    }

    private static String fill(String template, Locale language, List<?> args) {
        Matcher m = ARGUMENT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            String value = args != null && i < args.size() ? argument(args.get(i), language) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = ProblemMessages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new java.util.HashMap<>();
            p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
