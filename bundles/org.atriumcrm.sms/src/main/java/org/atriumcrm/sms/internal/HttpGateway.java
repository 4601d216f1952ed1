package org.atriumcrm.sms.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * SMS through a provider's HTTP API with camel-http. Providers differ in everything (JSON or form, field names,
 * signature and template codes, how they say "accepted"), so the request is a template and success is a status
 * 2xx plus, optionally, a pattern the response body must contain (many answer 200 with {@code "code":"isv.xxx"}).
 */
final class HttpGateway implements SmsGateway {
    static final String NAME = "http";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    /** One provider's API; {@code authHeader} is a whole header line ({@code Authorization: Bearer ...}). */
    record Options(String url, String method, String bodyTemplate, boolean json, String authHeader, String successPattern,
            String messageIdPattern, String signature, String templateCode) {
    }

    private final ProducerTemplate producer;
    private final Options options;
    private final String endpoint;
    private final Pattern success;
    private final Pattern messageId;

    HttpGateway(CamelContext camel, Options options) {
        this.producer = camel.createProducerTemplate();
        this.options = options;
        // the request goes to the URL in the Exchange.HTTP_URI header, exactly as configured (its query string too);
        // the endpoint only carries the options, so a provider URL never turns into camel endpoint options
        this.endpoint = (options.url().startsWith("https:") ? "https" : "http") + "://atrium-sms-gateway?throwExceptionOnFailure=false"
                + "&connectTimeout=10000&socketTimeout=20000";
        this.success = blank(options.successPattern()) ? null : Pattern.compile(options.successPattern());
        this.messageId = blank(options.messageIdPattern()) ? null : Pattern.compile(options.messageIdPattern());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Accepted send(Outgoing message) throws Exception {
        String body = render(options.bodyTemplate(), message);
        Exchange result = producer.send(endpoint, exchange -> {
            exchange.getIn().setHeader(Exchange.HTTP_URI, options.url());
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, blank(options.method()) ? "POST" : options.method().toUpperCase());
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE,
                    options.json() ? "application/json; charset=UTF-8" : "application/x-www-form-urlencoded; charset=UTF-8");
            if (!blank(options.authHeader()) && options.authHeader().indexOf(':') > 0) {
                int colon = options.authHeader().indexOf(':');
                exchange.getIn().setHeader(options.authHeader().substring(0, colon).strip(), options.authHeader().substring(colon + 1).strip());
            }
            exchange.getIn().setBody(body.getBytes(StandardCharsets.UTF_8));
        });
        if (result.getException() != null) {
            throw result.getException();
        }
        Integer status = result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String answer = result.getMessage().getBody(String.class);
        answer = answer == null ? "" : answer;
        if (status == null || status < 200 || status > 299) {
            throw new IOException("the gateway answered HTTP " + status + ": " + abbreviate(answer));
        }
        if (success != null && !success.matcher(answer).find()) {
            throw new IOException("the gateway did not accept the message: " + abbreviate(answer));
        }
        String id = null;
        if (messageId != null) {
            Matcher m = messageId.matcher(answer);
            if (m.find()) {
                id = m.groupCount() >= 1 ? m.group(1) : m.group();
            }
        }
        return new Accepted(id == null ? List.of() : List.of(id), SmsText.segments(message.text()));
    }

    /** The request body: each placeholder replaced by its value, escaped for JSON strings or form encoding. */
    String render(String template, Outgoing message) {
        Map<String, String> values = Map.of("to", message.to(), "toDigits", message.to().substring(1),
                "text", message.text(), "signature", nonNull(options.signature()), "templateCode", nonNull(options.templateCode()),
                "from", nonNull(message.from()), "smsId", message.smsId());
        Matcher m = PLACEHOLDER.matcher(template == null ? "" : template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            String replacement = value == null ? m.group() : options.json() ? jsonEscape(value) : URLEncoder.encode(value, StandardCharsets.UTF_8);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
