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
    /** The catalogues that bundles ship for their own problems (ProblemTexts.CATALOGUE), by bundle id. */
    private static final Map<Long, Map<String, String>> SHIPPED = new java.util.concurrent.ConcurrentHashMap<>();
    /** The platform's texts and every shipped catalogue in one map, rebuilt when a bundle comes or goes. */
    private static volatile Map<String, String> chinese = CHINESE_TEXTS;
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");
    /**
     * Constant English messages that modules raise without a code (their own required checks): known by their words,
     * so a client still gets the code and a Chinese user the translation.
     */
    private static final Map<String, String> UNCODED_MESSAGES = Map.ofEntries(Map.entry("is required", "required"),
            Map.entry("must be true or false", "boolean"), Map.entry("must be an integer", "integer"),
            Map.entry("is not a valid email address", "email"), Map.entry("is not a valid phone number", "phone"),
            Map.entry("must not be negative", "not-negative"), Map.entry("must be greater than 0", "positive"),
            Map.entry("must be a string", "text"), Map.entry("must be an array of strings", "string-array"),
            Map.entry("must be a date like 2026-12-31", "date"), Map.entry("must not be 0", "not-zero"));
    /** Messages of the same shape with a figure in them, said by many modules: their figures are the arguments. */
    private static final Pattern BETWEEN = Pattern.compile("must be between (-?\\d+) and (-?\\d+)");

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
        String template = chinese.get(key);
        return template == null ? null : fill(template, language, args);
    }

    /** A field error's code: its own, else the one of a known constant message, else {@link #UNCODED}. */
    static String code(String code, String message) {
        if (code != null && !code.isBlank()) {
            return code;
        }
        if (message != null && BETWEEN.matcher(message).matches()) {
            return "between";
        }
        return message == null ? UNCODED : UNCODED_MESSAGES.getOrDefault(message, UNCODED);
    }

    /** The arguments of a field error's message: its own, else the figures of a known message shape. */
    static List<?> args(org.atriumcrm.api.error.FieldError fe) {
        if (!fe.args().isEmpty() || fe.code() != null || fe.message() == null) {
            return fe.args();
        }
        Matcher m = BETWEEN.matcher(fe.message());
        return m.matches() ? List.of(m.group(1), m.group(2)) : fe.args();
    }

    /** An argument as the user reads it: a label in their language, a word of the API translated, anything else as is. */
    static String argument(Object arg, Locale language) {
        if (arg instanceof Label label) {
            return label.in(language);
        }
        if (arg instanceof java.util.Collection<?> words) {
            // the states an action needs, the members a body may have: each said in the language, in one list
            return words.stream().map(w -> argument(w, language)).collect(java.util.stream.Collectors.joining(CHINESE.equals(language) ? "、" : ", "));
        }
        String text = String.valueOf(arg);
        String word = CHINESE.equals(language) ? chinese.get("word." + text) : null;
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

    /**
     * Adds the catalogue a bundle ships ({@code null} takes it away). The platform's own texts win over a bundle's, and
     * of two bundles with the same key the first one stays: a plugin cannot reword the platform's problems.
     */
    static synchronized void shipped(long bundleId, Map<String, String> texts) {
        if (texts == null) {
            SHIPPED.remove(bundleId);
        } else {
            SHIPPED.put(bundleId, Map.copyOf(texts));
        }
        Map<String, String> all = new java.util.HashMap<>();
        new java.util.TreeMap<>(SHIPPED).values().forEach(t -> t.forEach(all::putIfAbsent));
        all.putAll(CHINESE_TEXTS);
        chinese = Map.copyOf(all);
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = ProblemMessages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalogue's texts: a properties file in UTF-8 (Chinese as it is, no \\u escapes needed). */
    static Map<String, String> read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> texts = new java.util.HashMap<>();
        p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
        return Map.copyOf(texts);
    }
}
