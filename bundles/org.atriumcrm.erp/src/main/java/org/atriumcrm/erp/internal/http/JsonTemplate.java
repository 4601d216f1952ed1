package org.atriumcrm.erp.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A request body made from a template and a canonical message: {@code {{member.path}}} is replaced by the value at
 * that path ({@code customer.name}, {@code lines.0.sku}). Written here rather than taken from a template engine: the
 * bundle has none among its imports (camel-mustache would be a new runtime dependency), and a text engine does not
 * know JSON — here a placeholder between quotes gets the value escaped as string content, and one outside quotes a
 * JSON value: numbers (the canonical model's decimals are text) as numbers, other text quoted, a missing value null.
 */
final class JsonTemplate {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");

    private JsonTemplate() {
    }

    static String render(String template, JsonNode body) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = at(body, m.group(1));
            boolean quoted = m.start() > 0 && template.charAt(m.start() - 1) == '"' && m.end() < template.length() && template.charAt(m.end()) == '"';
            m.appendReplacement(out, Matcher.quoteReplacement(quoted ? inString(value) : literal(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The node at a dotted path; numeric segments index arrays. Missing when any step is. */
    static JsonNode at(JsonNode body, String path) {
        JsonNode node = body;
        for (String segment : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = node.isArray() && segment.matches("\\d+") ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        return node;
    }

    private static String inString(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        String quoted = TextNode.valueOf(value.isValueNode() ? value.asText() : value.toString()).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String literal(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            String text = value.asText().trim();
            return JSON_NUMBER.matcher(text).matches() ? text : value.toString();
        }
        return value.toString();
    }
}
