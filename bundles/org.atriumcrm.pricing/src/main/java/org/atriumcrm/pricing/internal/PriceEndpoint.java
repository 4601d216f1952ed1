package org.atriumcrm.pricing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.PriceResolver;
import org.atriumcrm.rest.api.ModuleEndpoint;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/price?productId=&accountId=&quantity=&date=&currency=}: the unit price and what gave it. The
 * product and the account must be ones the caller may see (else the same 404 as for an unknown id).
 */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.PATH_PROPERTY + "=price")
@Produces(MediaType.APPLICATION_JSON)
public class PriceEndpoint implements ModuleEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PriceResolver prices;
    private final RecordStores stores;
    private final AccessPolicy access;

    @Activate
    public PriceEndpoint(@Reference PriceResolver prices, @Reference RecordStores stores, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PricingTypes.MODULE + ")") ModuleGate gate) {
        this.prices = prices;
        this.stores = stores;
        this.access = access;
    }

    @Override
    public ObjectNode openApiPaths() {
        try (InputStream in = PriceEndpoint.class.getResourceAsStream("openapi-paths.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    public Map<String, Object> price(@QueryParam("productId") String productId, @QueryParam("accountId") String accountId,
            @QueryParam("quantity") String quantity, @QueryParam("date") String date, @QueryParam("currency") String currency,
            @Context SecurityContext security) {
        Caller caller = RecordBodies.caller(security);
        if (productId == null || productId.isBlank()) {
            throw AtriumException.invalidField("productId", "is required");
        }
        visible("Product", "product", productId, caller);
        String account = accountId == null || accountId.isBlank() ? null : accountId.strip();
        if (account != null) {
            visible("Account", "account", account, caller);
        }
        PriceResolver.Price p = prices.resolve(new PriceResolver.Request(productId.strip(), account, quantity(quantity), date(date),
                currency == null || currency.isBlank() ? null : currency.strip()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("productId", p.productId());
        json.put("accountId", account);
        json.put("quantity", quantity(quantity));
        json.put("currency", p.currency());
        json.put("unitPrice", p.unitPrice());
        json.put("listPrice", p.listPrice());
        json.put("priceBookId", p.priceBookId());
        json.put("priceBookName", p.priceBookName());
        json.put("breakQuantity", p.breakQuantity());
        json.put("explanation", p.explanation());
        return json;
    }

    private void visible(String entity, String what, String id, Caller caller) {
        RecordStore<?> store = stores.byName(entity).orElseThrow(() -> AtriumException.notFound("there is no " + what + " with id " + id));
        if (access.secure(store, caller).find(id).isEmpty()) {
            throw AtriumException.notFound("there is no " + what + " with id " + id);
        }
    }

    private static BigDecimal quantity(String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ONE;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw AtriumException.invalidField("quantity", "'" + text + "' is not a number");
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw AtriumException.invalidField("date", "'" + text + "' is not a date as YYYY-MM-DD");
        }
    }
}
