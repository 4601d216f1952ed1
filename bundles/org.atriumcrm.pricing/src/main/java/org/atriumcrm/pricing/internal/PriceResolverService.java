package org.atriumcrm.pricing.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.PriceResolver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The one price resolution (see {@link PriceRules}); registered only while the pricing module is enabled. It reads the
 * product through the catalog and the account's tier, channel, billing province and city and parent account through
 * the customers module's store, by field name, so that it depends on no other module's internals.
 */
@Component(service = PriceResolver.class)
public class PriceResolverService implements PriceResolver {
    private final Catalog catalog;
    private final PriceBookStore books;
    private final RecordStores stores;

    @Activate
    public PriceResolverService(@Reference Catalog catalog, @Reference PriceBookStore books, @Reference RecordStores stores,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PricingTypes.MODULE + ")") ModuleGate gate) {
        this.catalog = catalog;
        this.books = books;
        this.stores = stores;
    }

    @Override
    public Price resolve(Request request) {
        if (request.productId() == null || request.productId().isBlank()) {
            throw AtriumException.invalidField("productId", "is required");
        }
        Catalog.Item product = catalog.item(request.productId())
                .orElseThrow(() -> AtriumException.notFound("there is no product with id " + request.productId()));
        PriceRules.Customer customer = request.accountId() == null ? null : customer(request.accountId());
        LocalDate date = request.date() != null ? request.date() : LocalDate.now(ZoneId.systemDefault());
        return PriceRules.resolve(product, customer, request.quantity(), date, request.currency(), books(product.id()));
    }

    private PriceRules.Customer customer(String accountId) {
        RecordStore<?> accounts = stores.byName("Account")
                .orElseThrow(() -> AtriumException.notFound("there is no account with id " + accountId + " (accounts are unavailable)"));
        Record account = accounts.find(accountId)
                .orElseThrow(() -> AtriumException.notFound("there is no account with id " + accountId));
        return new PriceRules.Customer(account.getId(), text(accounts, account, "parentAccountId"), text(accounts, account, "customerTier"),
                text(accounts, account, "billingProvince"), text(accounts, account, "billingCity"), text(accounts, account, "salesChannel"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String text(RecordStore<?> store, Record record, String field) {
        return store.type().field(field).map(f -> (FieldDef) f).map(f -> f.get(record)).map(Object::toString)
                .filter(s -> !s.isBlank()).orElse(null);
    }

    private List<PriceRules.Book> books(String productId) {
        return books.inTransaction(em -> {
            Map<String, List<PriceRules.Break>> breaks = new HashMap<>();
            for (PriceBookEntry e : em.createQuery("SELECT e FROM PriceBookEntry e WHERE e.productId = :p AND e.deletedAt IS NULL",
                    PriceBookEntry.class).setParameter("p", productId).getResultList()) {
                breaks.computeIfAbsent(e.getPriceBookId(), k -> new ArrayList<>()).add(new PriceRules.Break(e.getMinQuantity(), e.getUnitPrice()));
            }
            if (breaks.isEmpty()) {
                return List.<PriceRules.Book>of();
            }
            List<PriceRules.Book> found = new ArrayList<>();
            for (PriceBook b : em.createQuery("SELECT b FROM PriceBook b WHERE b.id IN :ids AND b.deletedAt IS NULL", PriceBook.class)
                    .setParameter("ids", new ArrayList<>(breaks.keySet())).getResultList()) {
                found.add(new PriceRules.Book(b.getId(), b.getName(), b.getCurrency(), b.getValidFrom(), b.getValidTo(),
                        Boolean.TRUE.equals(b.getActive()), b.getAccountId(), b.getPartnerAccountId(), b.getCustomerTier(), b.getProvince(),
                        b.getCity(), b.getChannel(), b.getPriority() == null ? 0 : b.getPriority(), breaks.get(b.getId())));
            }
            return found;
        });
    }
}
