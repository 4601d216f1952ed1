package org.atriumcrm.erp.internal.odoo;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpFailure;
import org.atriumcrm.erp.internal.ErpHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Odoo's External API over JSON-RPC ({@code POST <url>/jsonrpc}, Odoo 8 to 18): {@code common.login} gives the user's
 * uid, {@code object.execute_kw(db, uid, password, model, method, args, kwargs)} does the rest. Odoo answers HTTP 200
 * with an {@code error} member for whatever its Python raised, so the error's class name decides retry or refusal.
 * The uid is kept per connector: logging in on every call would double the calls, and Odoo logs every login.
 */
final class OdooRpc {
    private final ErpHttp http;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A uid and the account it belongs to: a connector whose address, database or user changed logs in again. */
    private record Session(String account, long uid) {
    }

    /** Odoo refused the credentials (a changed password, a revoked API key, an expired session). */
    static final class Denied extends Exception {
        private static final long serialVersionUID = 1L;

        Denied(String message) {
            super(message, null, false, false);
        }
    }

    OdooRpc(ErpHttp http) {
        this.http = http;
    }

    static String url(ConnectorConfig config) {
        return ErpHttp.base(config.setting("url", "")) + "/jsonrpc";
    }

    private static String account(ConnectorConfig config) {
        return url(config) + "|" + config.setting("database", "") + "|" + config.setting("username", "") + "|"
                + (config.secret() == null ? 0 : config.secret().hashCode());
    }

    /**
     * {@code model.method(*args, **kwargs)} as the connector's user. On an access error the uid is dropped and the call
     * made once more after a fresh login: a session may have ended while the password is still right; a second refusal
     * is final.
     */
    JsonNode execute(ConnectorConfig config, String model, String method, ArrayNode args, ObjectNode kwargs) throws ErpFailure {
        Session session = session(config);
        try {
            return executeAs(config, session.uid(), model, method, args, kwargs);
        } catch (Denied first) {
            sessions.remove(config.id(), session);
            Session again = session(config);
            try {
                return executeAs(config, again.uid(), model, method, args, kwargs);
            } catch (Denied second) {
                sessions.remove(config.id(), again);
                throw ErpFailure.bad("authentication: Odoo refused " + model + "." + method + " for " + config.setting("username", "") + ": "
                        + second.getMessage());
            }
        }
    }

    private JsonNode executeAs(ConnectorConfig config, long uid, String model, String method, ArrayNode args, ObjectNode kwargs)
            throws ErpFailure, Denied {
        ArrayNode all = array(config.setting("database", ""), uid, config.secret() == null ? "" : config.secret(), model, method);
        all.add(args);
        all.add(kwargs == null ? Canonical.JSON.createObjectNode() : kwargs);
        return call(config, "object", "execute_kw", all, model + "." + method);
    }

    private Session session(ConnectorConfig config) throws ErpFailure {
        String account = account(config);
        Session s = sessions.get(config.id());
        if (s != null && s.account().equals(account)) {
            return s;
        }
        long uid = login(config);
        Session fresh = new Session(account, uid);
        sessions.put(config.id(), fresh);
        return fresh;
    }

    /** The user's uid; Odoo answers {@code false}, not an error, to a wrong password. */
    long login(ConnectorConfig config) throws ErpFailure {
        String user = config.setting("username", "");
        JsonNode uid;
        try {
            uid = call(config, "common", "login", array(config.setting("database", ""), user, config.secret() == null ? "" : config.secret()),
                    "login");
        } catch (Denied d) {
            throw ErpFailure.bad("authentication: Odoo refused the login of " + user + ": " + d.getMessage());
        }
        if (!uid.canConvertToLong() || uid.asLong() <= 0) {
            throw ErpFailure.bad("authentication: Odoo refused the login of " + user + " on database " + config.setting("database", "")
                    + " (wrong user, password or API key)");
        }
        return uid.asLong();
    }

    /** Odoo's version, asked without logging in: the connection test's protocol step. */
    JsonNode version(ConnectorConfig config) throws ErpFailure {
        try {
            return call(config, "common", "version", Canonical.JSON.createArrayNode(), "version");
        } catch (Denied d) {
            throw ErpFailure.bad(d.getMessage());
        }
    }

    /** One JSON-RPC call: its {@code result}, or the failure its status or {@code error} member means. */
    JsonNode call(ConnectorConfig config, String service, String method, ArrayNode args, String what) throws ErpFailure, Denied {
        ObjectNode request = Canonical.JSON.createObjectNode();
        request.put("jsonrpc", "2.0").put("method", "call").put("id", ids.incrementAndGet());
        request.putObject("params").put("service", service).put("method", method).set("args", args);
        HttpRequest post = HttpRequest.newBuilder(ErpHttp.address(url(config))).timeout(ErpHttp.timeout(config))
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer = http.exchange(post, "Odoo " + what);
        if (answer.statusCode() / 100 != 2) {
            throw ErpHttp.failure(answer, "Odoo " + what);
        }
        JsonNode reply;
        try {
            reply = Canonical.JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw ErpFailure.bad("Odoo " + what + ": the answer is not JSON-RPC (is the url Odoo's?): " + e.getMessage());
        }
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            throw failure(error, what);
        }
        if (reply.get("result") == null) {
            throw ErpFailure.bad("Odoo " + what + ": an answer with neither result nor error");
        }
        return reply.get("result");
    }

    /**
     * The error's Python class decides: access denied and session expired end the uid (see {@link #execute}); a
     * database conflict or lock is transient; anything else (validation, user error, missing record, unknown field)
     * is Odoo refusing this message, which a repeat would not change.
     */
    private static ErpFailure failure(JsonNode error, String what) throws Denied {
        JsonNode data = error.path("data");
        String name = data.path("name").asText("");
        String message = data.path("message").asText(error.path("message").asText(""));
        String reason = "Odoo " + what + ": " + (name.isEmpty() ? "" : name + ": ") + message;
        if (name.endsWith("AccessDenied") || name.contains("SessionExpired") || error.path("code").asInt() == 100) {
            throw new Denied(reason);
        }
        if (name.startsWith("psycopg2.") && (name.contains("SerializationFailure") || name.contains("OperationalError")
                || name.contains("LockNotAvailable") || name.contains("DeadlockDetected"))) {
            return ErpFailure.retry(reason, (java.time.Duration) null);
        }
        return ErpFailure.bad(reason);
    }

    /** A JSON array of plain values (text, numbers, booleans, nested nodes; null becomes Odoo's {@code false}). */
    static ArrayNode array(Object... values) {
        ArrayNode a = Canonical.JSON.createArrayNode();
        for (Object v : values) {
            if (v == null) {
                a.add(false);
            } else if (v instanceof JsonNode n) {
                a.add(n);
            } else if (v instanceof String s) {
                a.add(s);
            } else if (v instanceof Integer i) {
                a.add(i);
            } else if (v instanceof Long l) {
                a.add(l);
            } else if (v instanceof BigDecimal d) {
                a.add(DecimalNode.valueOf(d)); // as written: the node factory would strip 1200.00 to 1.2E+3
            } else if (v instanceof Boolean b) {
                a.add(b);
            } else {
                a.add(v.toString());
            }
        }
        return a;
    }

    /** A domain term {@code [field, operator, value]}. */
    static ArrayNode term(String field, String operator, Object value) {
        return array(field, operator, value);
    }

    /** Ids of the records matching {@code domain} (all records, archived ones too, so none is made twice). */
    ArrayNode search(ConnectorConfig config, String model, ArrayNode domain, int limit) throws ErpFailure {
        ObjectNode kwargs = Canonical.JSON.createObjectNode();
        if (limit > 0) {
            kwargs.put("limit", limit);
        }
        kwargs.putObject("context").put("active_test", false);
        JsonNode ids = execute(config, model, "search", array(domain), kwargs);
        return ids instanceof ArrayNode a ? a : Canonical.JSON.createArrayNode();
    }

    /** The first id matching {@code domain}, or 0. */
    long first(ConnectorConfig config, String model, ArrayNode domain) throws ErpFailure {
        ArrayNode ids = search(config, model, domain, 1);
        return ids.isEmpty() ? 0 : ids.get(0).asLong();
    }

    ArrayNode searchRead(ConnectorConfig config, String model, ArrayNode domain, ObjectNode kwargs) throws ErpFailure {
        JsonNode rows = execute(config, model, "search_read", array(domain), kwargs);
        return rows instanceof ArrayNode a ? a : Canonical.JSON.createArrayNode();
    }

    long create(ConnectorConfig config, String model, ObjectNode values) throws ErpFailure {
        JsonNode id = execute(config, model, "create", array(values), null);
        // create of one record answers its id; Odoo 17+ may answer a list of one for a list of values
        return id.isArray() ? id.get(0).asLong() : id.asLong();
    }

    void write(ConnectorConfig config, String model, long id, ObjectNode values) throws ErpFailure {
        execute(config, model, "write", array(array(id), values), null);
    }
}
