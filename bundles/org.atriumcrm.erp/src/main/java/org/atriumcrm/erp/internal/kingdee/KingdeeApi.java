package org.atriumcrm.erp.internal.kingdee;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpFailure;
import org.atriumcrm.erp.internal.ErpHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * K/3 Cloud's WebAPI: every service is a POST of JSON to {@code <url>/Kingdee.BOS.WebApi.ServicesStub.<Service>.<method>.common.kdsvc}.
 * The login (ValidateUser with a password, LoginByAppSecret with a third-party app's id and secret) starts a server
 * session that the WebAPI recognises only by its cookies (kdservice-sessionid, ASP.NET_SessionId); the cookies are kept
 * per connector, because a login per call doubles the calls and counts against the user's concurrent-login licence.
 * <p>
 * Kingdee answers HTTP 200 for refusals too: {@code Result.ResponseStatus.IsSuccess=false} with {@code Errors} of
 * {FieldName, Message}. A lost session (server restart, idle timeout) is the same shape with {@code MsgCode} 1 and
 * "会话信息已丢失，请重新登录"; it is met with one fresh login and one repeat of the call.
 */
final class KingdeeApi {
    static final String AUTH = "Kingdee.BOS.WebApi.ServicesStub.AuthService.";
    static final String FORMS = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.";
    private static final String SESSION_LOST = "会话信息已丢失";

    private final ErpHttp http;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** The cookies of one login and the account they belong to: a connector whose address or user changed logs in again. */
    private record Session(String account, String cookie) {
    }

    /** Kingdee said the session is gone (see the class comment). */
    static final class Expired extends Exception {
        private static final long serialVersionUID = 1L;

        Expired(String message) {
            super(message, null, false, false);
        }
    }

    KingdeeApi(ErpHttp http) {
        this.http = http;
    }

    /**
     * The WebAPI root: the address as given when it already names the K3Cloud application (how Kingdee's own test page
     * and the SDKs show it), else with {@code /K3Cloud} appended (an address of the server only).
     */
    static String root(ConnectorConfig config) {
        String base = ErpHttp.base(config.setting("url", ""));
        return base.toLowerCase(Locale.ROOT).endsWith("/k3cloud") ? base : base + "/K3Cloud";
    }

    static boolean appSecret(ConnectorConfig config) {
        return !"password".equalsIgnoreCase(config.setting("auth", "appSecret").trim());
    }

    private static String account(ConnectorConfig config) {
        return root(config) + "|" + appSecret(config) + "|" + config.setting("acctId", "") + "|" + config.setting("username", "") + "|"
                + config.setting("appId", "")
                + "|" + (config.secret() == null ? 0 : config.secret().hashCode());
    }

    /** The login request: ValidateUser (user and password) or LoginByAppSecret (the user, an app id and its secret). */
    HttpRequest loginRequest(ConnectorConfig config) throws ErpFailure {
        ObjectNode body = Canonical.JSON.createObjectNode();
        String secret = config.secret() == null ? "" : config.secret();
        String method;
        if (appSecret(config)) {
            if (config.setting("appId", "").isBlank()) {
                throw ErpFailure.bad("authentication: auth appSecret needs the appId of the third-party authorisation (or auth password)");
            }
            method = "LoginByAppSecret";
            body.put("acctId", config.setting("acctId", "")).put("username", config.setting("username", ""))
                    .put("appId", config.setting("appId", "")).put("appSecret", secret);
        } else {
            method = "ValidateUser";
            body.put("acctID", config.setting("acctId", "")).put("username", config.setting("username", "")).put("password", secret);
        }
        body.put("lcid", lcid(config));
        return post(config, AUTH + method, body, null);
    }

    private static int lcid(ConnectorConfig config) {
        try {
            return Integer.parseInt(config.setting("lcid", "2052").trim());
        } catch (NumberFormatException e) {
            return 2052;
        }
    }

    private HttpRequest post(ConnectorConfig config, String service, JsonNode body, String cookie) throws ErpFailure {
        HttpRequest.Builder b = HttpRequest.newBuilder(ErpHttp.address(root(config) + "/" + service + ".common.kdsvc")).timeout(ErpHttp.timeout(config))
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (cookie != null && !cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    /** Logs in and answers the session's cookies; a refused login is final (a repeat would only lock the user out). */
    String login(ConnectorConfig config) throws ErpFailure {
        HttpResponse<String> answer = http.exchange(loginRequest(config), "Kingdee login");
        if (answer.statusCode() / 100 != 2) {
            throw ErpHttp.failure(answer, "Kingdee login");
        }
        JsonNode reply = json(answer, "login");
        LoginResult result = loginResult(reply);
        if (!result.ok()) {
            throw ErpFailure.bad("authentication: Kingdee refused the login of " + config.setting("username", "") + " to account "
                    + config.setting("acctId", "") + ": " + result.message());
        }
        String cookie = cookies(answer);
        if (cookie.isEmpty() && !reply.path("KDSVCSessionId").asText("").isEmpty()) {
            // a proxy that strips Set-Cookie still leaves the session id in the body, under the cookie's own name
            cookie = "kdservice-sessionid=" + reply.path("KDSVCSessionId").asText();
        }
        return cookie;
    }

    /** LoginResultType 1 is a session; any other value is a refusal, explained in Message. */
    record LoginResult(boolean ok, String message) {
    }

    static LoginResult loginResult(JsonNode reply) {
        boolean ok = reply.path("LoginResultType").asInt(Integer.MIN_VALUE) == 1;
        String message = reply.path("Message").asText("");
        return new LoginResult(ok, message.isEmpty() ? "LoginResultType " + reply.path("LoginResultType").asText("?") : message);
    }

    /** The Set-Cookie name=value pairs as one Cookie header. */
    private static String cookies(HttpResponse<String> answer) {
        List<String> pairs = new ArrayList<>();
        for (String set : answer.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0].trim();
            if (pair.contains("=")) {
                pairs.add(pair);
            }
        }
        return String.join("; ", pairs);
    }

    private Session session(ConnectorConfig config) throws ErpFailure {
        String account = account(config);
        Session s = sessions.get(config.id());
        if (s != null && s.account().equals(account)) {
            return s;
        }
        Session fresh = new Session(account, login(config));
        sessions.put(config.id(), fresh);
        return fresh;
    }

    /**
     * One call as the connector's user; a lost session is logged in again once and the call repeated. A session lost
     * again at once is Kingdee in trouble (a restarting cluster node), not a wrong setting: retryable.
     */
    JsonNode call(ConnectorConfig config, String service, ObjectNode body, String what) throws ErpFailure {
        Session s = session(config);
        try {
            return callAs(config, s, service, body, what);
        } catch (Expired first) {
            sessions.remove(config.id(), s);
            Session again = session(config);
            try {
                return callAs(config, again, service, body, what);
            } catch (Expired second) {
                sessions.remove(config.id(), again);
                throw ErpFailure.retry("Kingdee " + what + ": the session was lost again right after a fresh login: " + second.getMessage(),
                        (java.time.Duration) null);
            }
        }
    }

    private JsonNode callAs(ConnectorConfig config, Session s, String service, ObjectNode body, String what) throws ErpFailure, Expired {
        HttpResponse<String> answer = http.exchange(post(config, service, body, s.cookie()), "Kingdee " + what);
        if (answer.statusCode() / 100 != 2) {
            throw ErpHttp.failure(answer, "Kingdee " + what);
        }
        JsonNode reply = json(answer, what);
        JsonNode status = status(reply);
        if (status != null && !status.path("IsSuccess").asBoolean(false)) {
            String messages = messages(status);
            if (status.path("MsgCode").asInt() == 1 || messages.contains(SESSION_LOST)) {
                throw new Expired(messages);
            }
            throw ErpFailure.bad("Kingdee " + what + ": " + messages);
        }
        return reply;
    }

    private static JsonNode json(HttpResponse<String> answer, String what) throws ErpFailure {
        try {
            JsonNode reply = Canonical.JSON.readTree(answer.body());
            if (reply == null || reply.isMissingNode()) {
                throw new IOException("empty answer");
            }
            return reply;
        } catch (IOException e) {
            throw ErpFailure.bad("Kingdee " + what + ": the answer is not the WebAPI's JSON (is the url K/3 Cloud's?): " + e.getMessage());
        }
    }

    /**
     * The ResponseStatus of an answer, wherever Kingdee puts it: {@code Result.ResponseStatus} for Save and the
     * operations, {@code [[{Result: {ResponseStatus}}]]} in place of the rows for a query; null for plain rows.
     */
    static JsonNode status(JsonNode reply) {
        JsonNode node = reply;
        while (node.isArray() && !node.isEmpty()) {
            node = node.get(0);
        }
        JsonNode status = node.path("Result").path("ResponseStatus");
        return status.isObject() ? status : null;
    }

    /** The Errors' messages, each with its field when Kingdee names one (Chinese as Kingdee wrote it). */
    static String messages(JsonNode status) {
        List<String> all = new ArrayList<>();
        for (JsonNode e : status.path("Errors")) {
            String field = e.path("FieldName").asText("");
            String message = e.path("Message").asText("");
            all.add(field.isEmpty() || field.equals("null") ? message : field + ": " + message);
        }
        return all.isEmpty() ? "IsSuccess false, ErrorCode " + status.path("ErrorCode").asText("?") : String.join("; ", all);
    }

    /** ExecuteBillQuery: the rows of {@code fieldKeys} matching {@code filter}, from row {@code start}, at most {@code limit}. */
    ArrayNode query(ConnectorConfig config, String formId, String fieldKeys, String filter, String order, int start, int limit) throws ErpFailure {
        ObjectNode data = Canonical.JSON.createObjectNode();
        data.put("FormId", formId).put("FieldKeys", fieldKeys).put("FilterString", filter == null ? "" : filter)
                .put("OrderString", order == null ? "" : order).put("TopRowCount", 0).put("StartRow", start).put("Limit", limit);
        ObjectNode body = Canonical.JSON.createObjectNode();
        body.set("data", data);
        JsonNode rows = call(config, FORMS + "ExecuteBillQuery", body, formId + " ExecuteBillQuery");
        return rows instanceof ArrayNode a ? a : Canonical.JSON.createArrayNode();
    }

    /** Save of one Model (with the options beside it in {@code data}); answers {@code Result} (Id, Number). */
    JsonNode save(ConnectorConfig config, String formId, ObjectNode data) throws ErpFailure {
        ObjectNode body = Canonical.JSON.createObjectNode();
        body.put("formid", formId).set("data", data);
        return call(config, FORMS + "Save", body, formId + " Save").path("Result");
    }

    /** A state operation (Submit, Audit, UnAudit, CancelAssign, Delete) of one bill by its number. */
    void operation(ConnectorConfig config, String formId, String operation, String number) throws ErpFailure {
        ObjectNode data = Canonical.JSON.createObjectNode();
        data.putArray("Numbers").add(number);
        ObjectNode body = Canonical.JSON.createObjectNode();
        body.put("formid", formId).set("data", data);
        call(config, FORMS + operation, body, formId + " " + operation + " " + number);
    }

    /** A value for a FilterString, quoted as Kingdee's SQL-like filter wants it. */
    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
