package org.atriumcrm.shop.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.connectors.api.ConnectionCheck;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorSetting;
import org.atriumcrm.connectors.api.ConnectorType;
import org.atriumcrm.connectors.api.HttpProbe;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shop connector types. A connector's secret is the webhook signing secret (WooCommerce: the webhook's secret;
 * Shopify and Youzan: the app's client secret); its routes process the deliveries its webhook took in (twice a second, in the
 * order they came), report shipments back, and for WooCommerce and Shopify push stock levels and prices. The
 * connection test walks dns, connection, tls, authentication and protocol against the shop's REST API with the API
 * credentials.
 */
final class ShopConnectorTypes {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ShopConnectorTypes() {
    }

    /** dns, connection, tls (for https) and then what {@code request} answers: 2xx passes, 401/403 is authentication. */
    static List<ConnectionCheck> probe(URI base, HttpRequest request) {
        return HttpProbe.probe(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), base, request, TIMEOUT, HttpProbe::byStatus);
    }

    /**
     * As {@link #probe(URI, HttpRequest)}, for a shop that refuses credentials inside a 2xx answer: {@code refusal}
     * reads the answer and names the refusal (null when the credentials were accepted).
     */
    static List<ConnectionCheck> probe(URI base, HttpRequest request, java.util.function.Function<java.net.http.HttpResponse<String>, String> refusal) {
        return HttpProbe.probe(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), base, request, TIMEOUT, answer -> {
            String refused = answer.statusCode() / 100 == 2 ? refusal.apply(answer) : null;
            return refused == null ? HttpProbe.byStatus(answer) : List.of(ConnectionCheck.failed("authentication", refused));
        });
    }

    static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** What every shop type shares: its route drains the deliveries its webhook took in. */
    abstract static class ShopType implements ConnectorType {
        private final ShopOrderProcessor processor;
        private final ShopFulfilmentService fulfilments;

        ShopType(ShopOrderProcessor processor, ShopFulfilmentService fulfilments) {
            this.processor = processor;
            this.fulfilments = fulfilments;
        }

        @Override
        public RoutesBuilder routes(ConnectorConfig config) {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("scheduler:" + config.routePrefix() + "deliveries?delay=500&initialDelay=200")
                            .routeId(config.routePrefix() + "deliveries")
                            .process(exchange -> processor.drain(config));
                    from("scheduler:" + config.routePrefix() + "fulfilments?delay=2000&initialDelay=1000")
                            .routeId(config.routePrefix() + "fulfilments")
                            .process(exchange -> fulfilments.drain(config));
                    moreRoutes(this, config);
                }
            };
        }

        /** A type's own routes beside the deliveries' (each id starting with the connector's route prefix). */
        void moreRoutes(RouteBuilder routes, ConnectorConfig config) {
        }

        /** The route that sends the connector's stock and price pushes, once a second. */
        static void pushRoute(RouteBuilder routes, ConnectorConfig config, ShopPushService pushes) {
            routes.from("scheduler:" + config.routePrefix() + "push?delay=1000&initialDelay=500")
                    .routeId(config.routePrefix() + "push")
                    .process(exchange -> pushes.drain(config));
        }
    }

    /** WooCommerce (REST API v3 and its webhooks); stock levels and prices pushed by a second route. */
    @Component(service = ConnectorType.class)
    public static class WooCommerceType extends ShopType {
        private final ShopPushService pushes;

        @Activate
        public WooCommerceType(@Reference ShopOrderProcessor processor, @Reference ShopFulfilmentService fulfilments,
                @Reference ShopPushService pushes,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
            super(processor, fulfilments);
            this.pushes = pushes;
        }

        @Override
        void moreRoutes(RouteBuilder routes, ConnectorConfig config) {
            pushRoute(routes, config, pushes);
        }

        @Override
        public String id() {
            return WooCommerce.ID;
        }

        @Override
        public Label label() {
            return Label.of("WooCommerce shop", "WooCommerce 网店");
        }

        @Override
        public List<ConnectorSetting> settings() {
            return List.of(ConnectorSetting.required("storeUrl", "Shop address", "网店地址", "https://shop.example.cn"),
                    ConnectorSetting.optional("consumerKey", "REST API consumer key", "REST API 消费者密钥 (key)", "ck_…"),
                    ConnectorSetting.optional("consumerSecret", "REST API consumer secret (write-only)", "REST API 消费者密钥 (secret，只写)", "cs_…"),
                    ConnectorSetting.optional("ownerId", "Owner of the customers and orders it makes (user or group id)", "所建客户与订单的负责人（用户或组 ID）", ""),
                    ConnectorSetting.optional("confirmOrders", "Confirm its orders at once (credit check included)", "立即确认订单（含信用检查）", "false"),
                    ConnectorSetting.optional("pushDelaySeconds", "Seconds a stock or price change waits to go out with others", "库存或价格变动合并推送前等待的秒数", "5"));
        }

        @Override
        public Set<String> sealedSettings() {
            return Set.of("consumerSecret");
        }

        @Override
        public List<ConnectionCheck> test(ConnectorConfig config) {
            URI base = URI.create(withoutSlash(config.setting("storeUrl", "")));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/wp-json/wc/v3/system_status")).timeout(TIMEOUT).GET();
            String key = config.setting("consumerKey", null);
            String secret = config.setting("consumerSecret", null);
            if (key != null && secret != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
            }
            return probe(base, request.build());
        }

    }

    /** Shopify (Admin API and its webhooks); stock levels and prices pushed by a second route. */
    @Component(service = ConnectorType.class)
    public static class ShopifyType extends ShopType {
        private final ShopPushService pushes;

        @Activate
        public ShopifyType(@Reference ShopOrderProcessor processor, @Reference ShopFulfilmentService fulfilments,
                @Reference ShopPushService pushes,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
            super(processor, fulfilments);
            this.pushes = pushes;
        }

        @Override
        void moreRoutes(RouteBuilder routes, ConnectorConfig config) {
            pushRoute(routes, config, pushes);
        }

        @Override
        public String id() {
            return Shopify.ID;
        }

        @Override
        public Label label() {
            return Label.of("Shopify shop", "Shopify 网店");
        }

        @Override
        public List<ConnectorSetting> settings() {
            return List.of(ConnectorSetting.required("shopUrl", "Shop address", "网店地址", "https://example.myshopify.com"),
                    ConnectorSetting.optional("accessToken", "Admin API access token (write-only)", "Admin API 访问令牌（只写）", "shpat_…"),
                    ConnectorSetting.optional("apiVersion", "Admin API version", "Admin API 版本", "2024-10"),
                    ConnectorSetting.optional("locationId", "Shopify location whose stock the CRM sets (default: the shop's first active location)",
                            "由 CRM 设置库存的 Shopify 地点（默认：网店第一个启用的地点）", "655441491"),
                    ConnectorSetting.optional("ownerId", "Owner of the customers and orders it makes (user or group id)", "所建客户与订单的负责人（用户或组 ID）", ""),
                    ConnectorSetting.optional("confirmOrders", "Confirm its orders at once (credit check included)", "立即确认订单（含信用检查）", "false"),
                    ConnectorSetting.optional("pushDelaySeconds", "Seconds a stock or price change waits to go out with others", "库存或价格变动合并推送前等待的秒数", "5"));
        }

        @Override
        public Set<String> sealedSettings() {
            return Set.of("accessToken");
        }

        @Override
        public List<ConnectionCheck> test(ConnectorConfig config) {
            URI base = URI.create(withoutSlash(config.setting("shopUrl", "")));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/admin/api/" + config.setting("apiVersion", "2024-10") + "/shop.json"))
                    .timeout(TIMEOUT).GET();
            String token = config.setting("accessToken", null);
            if (token != null) {
                request.header("X-Shopify-Access-Token", token);
            }
            return probe(base, request.build());
        }

    }

    /**
     * Youzan (有赞云, a self-use app's message push and open API). The connector's secret is the app's client_secret,
     * which signs the pushes and, with the client id, obtains the access token; kdtId is the shop the app serves.
     */
    @Component(service = ConnectorType.class)
    public static class YouzanType extends ShopType {

        @Activate
        public YouzanType(@Reference ShopOrderProcessor processor, @Reference ShopFulfilmentService fulfilments,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
            super(processor, fulfilments);
        }

        @Override
        public String id() {
            return Youzan.ID;
        }

        @Override
        public Label label() {
            return Label.of("Youzan shop", "有赞店铺");
        }

        @Override
        public List<ConnectorSetting> settings() {
            return List.of(ConnectorSetting.required("clientId", "App client_id (the secret is the app's client_secret)",
                    "应用 client_id（密钥为应用的 client_secret）", "4e96eb2fbc4f24f26f"),
                    ConnectorSetting.required("kdtId", "Shop id (kdt_id)", "店铺 ID（kdt_id）", "90731021"),
                    ConnectorSetting.optional("apiUrl", "Youzan open API address", "有赞云开放接口地址", YouzanApi.DEFAULT_URL),
                    ConnectorSetting.optional("ownerId", "Owner of the customers and orders it makes (user or group id)", "所建客户与订单的负责人（用户或组 ID）", ""),
                    ConnectorSetting.optional("confirmOrders", "Confirm its orders at once (credit check included)", "立即确认订单（含信用检查）", "false"));
        }

        @Override
        public Set<String> sealedSettings() {
            return Set.of();
        }

        /** Asks Youzan for an access token: the address, the app's credentials and its grant for the shop in one call. */
        @Override
        public List<ConnectionCheck> test(ConnectorConfig config) {
            URI base = URI.create(YouzanApi.base(config));
            return probe(base, YouzanApi.tokenCall(config).timeout(TIMEOUT).build(), answer -> {
                try {
                    return YouzanApi.refusal(new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()));
                } catch (IOException e) {
                    return "the answer is no JSON: " + e.getMessage();
                }
            });
        }
    }
}
