package org.atriumcrm.shop.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorDirectory;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.PublicEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/public/shop/{connectorId}}: where a shop connector's webhooks deliver (the URL an administrator
 * enters in WooCommerce or Shopify, or as Youzan's push URL). A delivery must be signed with the connector's secret
 * (401 otherwise, nothing stored) and is taken in once per the shop's delivery id — a retry answers 200 and changes
 * nothing; Youzan gets the answer it waits for ({@code {"code":0,"msg":"success"}}), the others the CRM's own. The answer
 * comes as soon as the delivery is stored; the order is made afterwards ({@link ShopOrderProcessor}), also while the
 * connector is paused (it waits then), so the shop's time limit is never at stake.
 */
@Component(service = PublicEndpoint.class, property = {PublicEndpoint.PATH_PROPERTY + "=shop",
    PublicEndpoint.SUMMARY_PROPERTY + "=Shop webhooks (WooCommerce, Shopify, Youzan): signed deliveries taken in once per connector"})
@Produces(MediaType.APPLICATION_JSON)
public class ShopWebhookEndpoint implements PublicEndpoint {
    /** A shop's webhook body larger than this is refused (413): an order with hundreds of lines stays far below. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectorDirectory connectors;
    private final ShopDeliveryStore deliveries;

    @Activate
    public ShopWebhookEndpoint(@Reference ConnectorDirectory connectors, @Reference ShopDeliveryStore deliveries,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        this.connectors = connectors;
        this.deliveries = deliveries;
    }

    @POST
    @Path("{connectorId}")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> deliver(@PathParam("connectorId") String connectorId, @Context HttpHeaders headers, InputStream body)
            throws IOException {
        Map<String, String> named = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> named.put(name.toLowerCase(java.util.Locale.ROOT), values.isEmpty() ? null : values.get(0)));
        return take(connectorId, named, read(body));
    }

    /** The delivery, as the endpoint takes it: the connector, its platform's signature, then once per delivery id. */
    Map<String, Object> take(String connectorId, Map<String, String> headers, byte[] body) {
        ConnectorConfig config = connectors.find(connectorId).orElse(null);
        ShopPlatform platform = config == null ? null : ShopPlatform.of(config.type());
        if (platform == null) {
            throw new AtriumException(404, "shop-connector-not-found", "Not Found", "no shop connector " + connectorId, null)
                    .localized("shop-connector-not-found", connectorId);
        }
        if (platform.ping(headers, body)) {
            return Map.of("status", "pong");
        }
        if (!platform.signed(headers, body, config)) {
            // the same answer for a missing secret, header or signature: nothing to learn by guessing
            throw new AtriumException(401, "shop-signature-invalid", "Unauthorized",
                    "the delivery is not signed with this connector's secret", null).localized("shop-signature-invalid");
        }
        String text;
        JsonNode json;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
            json = JsonCheck.object(JSON, text);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw AtriumException.invalid("body", "shop-delivery-body", "the delivery is no JSON object in UTF-8: " + e.getMessage(),
                    String.valueOf(e.getMessage()));
        }
        String topic = platform.topic(headers, json);
        String key = platform.deliveryKey(headers, json);
        if (topic == null || topic.isBlank() || topic.length() > 80 || key == null || key.isBlank() || key.length() > 150) {
            throw AtriumException.invalid("headers", "shop-delivery-headers", "the delivery has no topic or delivery id");
        }
        ShopDeliveryStore.Intake intake = deliveries.intake(config.id(), platform.id(), topic, key, text, connectors.ownerId(config.id()));
        return platform.answer(Map.of("status", intake.duplicate() ? "duplicate" : "received", "deliveryId", intake.deliveryId()));
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new AtriumException(413, "payload-too-large", "Payload too large",
                    "a shop delivery may have at most " + MAX_BODY_BYTES + " bytes", null).localized("payload-too-large", MAX_BODY_BYTES)
                    .with("limit", MAX_BODY_BYTES);
        }
        return bytes;
    }

    /** A JSON object's syntax, checked before it is stored: a body that is no JSON is refused at the door. */
    static final class JsonCheck {
        private JsonCheck() {
        }

        static JsonNode object(ObjectMapper json, String text) {
            try {
                JsonNode tree = json.readTree(text);
                if (!tree.isObject()) {
                    throw new IllegalArgumentException("not an object");
                }
                return tree;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e.getOriginalMessage());
            } catch (NullPointerException e) {
                throw new IllegalArgumentException("empty");
            }
        }
    }

    @Override
    public com.fasterxml.jackson.databind.node.ObjectNode openApiPaths() {
        return OperationSchema.object("""
                {"/v1/public/shop/{connectorId}": {"post": {"operationId": "postPublicShopDelivery",
                   "summary": "A shop's webhook delivery (WooCommerce, Shopify or Youzan, as the connector's type): signed, taken in once per delivery id, processed afterwards",
                   "parameters": [
                     {"name": "connectorId", "in": "path", "required": true, "description": "the shop connector's id", "schema": {"type": "string"}},
                     {"name": "X-WC-Webhook-Signature", "in": "header", "description": "WooCommerce: base64 HMAC-SHA256 of the raw body with the connector's secret", "schema": {"type": "string"}},
                     {"name": "X-WC-Webhook-Topic", "in": "header", "description": "WooCommerce: order.created, order.updated, customer.created…", "schema": {"type": "string"}},
                     {"name": "X-WC-Webhook-Delivery-ID", "in": "header", "description": "WooCommerce: the delivery's id, the same on a retry", "schema": {"type": "string"}},
                     {"name": "X-Shopify-Hmac-Sha256", "in": "header", "description": "Shopify: base64 HMAC-SHA256 of the raw body with the connector's secret", "schema": {"type": "string"}},
                     {"name": "X-Shopify-Topic", "in": "header", "description": "Shopify: orders/create, orders/updated, orders/cancelled, customers/create…", "schema": {"type": "string"}},
                     {"name": "X-Shopify-Webhook-Id", "in": "header", "description": "Shopify: the delivery's id, the same on a retry", "schema": {"type": "string"}},
                     {"name": "Event-Sign", "in": "header", "description": "Youzan: hex MD5 of the connector's clientId + the raw body + its secret (the app's client_secret); the body's type, id and version name the delivery", "schema": {"type": "string"}},
                     {"name": "Event-Type", "in": "header", "description": "Youzan: the message type (trade_TradeCreate, trade_TradePaid, trade_TradeClose…), also in the body", "schema": {"type": "string"}}],
                   "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
                     "description": "the order or customer as the shop's webhook sends it (WooCommerce REST API v3, Shopify Admin API), or Youzan's push message with its URL-encoded msg",
                     "properties": {"id": {"description": "the order's or customer's id at the shop"}}, "additionalProperties": true}},
                     "application/x-www-form-urlencoded": {"schema": {"type": "string", "description": "WooCommerce's ping: webhook_id=<n>"}}}},
                   "responses": {"200": {"description": "stored (or a repeat of a stored delivery, or WooCommerce's ping); Youzan's deliveries get the answer Youzan expects", "content": {"application/json": {"schema": {"type": "object",
                     "description": "status (and deliveryId but for the ping) to WooCommerce and Shopify; code and msg alone to Youzan",
                     "additionalProperties": false, "properties": {"status": {"type": "string", "enum": ["received", "duplicate", "pong"]},
                     "deliveryId": {"type": "string", "description": "the ShopDelivery record"},
                     "code": {"type": "integer", "enum": [0], "description": "Youzan: 0, taken in"}, "msg": {"type": "string", "enum": ["success"], "description": "Youzan: success"}}}}}},
                     "400": {"description": "no topic or delivery id, or a body that is no JSON object", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                     "401": {"description": "not signed with the connector's secret; nothing stored", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                     "404": {"description": "no shop connector with this id", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                     "413": {"description": "the body is over 1 MiB", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}}""");
    }
}
