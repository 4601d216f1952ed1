package org.atriumcrm.pricing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.PriceResolver.Price;

/**
 * The price resolution rules, on plain data so that they are tested without a database:
 * <ol>
 * <li>a book is a candidate when it is active, in the asked currency (the product's when none is asked), valid on the
 * date (from and to inclusive, an empty end open), has a price for the product, and every customer criterion it names
 * holds for the account: the account itself; a partner (the partner or an account whose parent account is the
 * partner); tier, province, city and channel (all that it names);</li>
 * <li>the most specific candidate wins: account &gt; partner &gt; segment (tier/region/channel; more criteria named is
 * more specific) &gt; general; then the higher priority; then the shorter validity (a seasonal book over an all-year
 * one); then the name, so that the answer never depends on the database's order;</li>
 * <li>within the winning book the volume break with the largest minimum quantity ≤ the quantity applies; a book with
 * no break low enough gives way to the next;</li>
 * <li>without a book, the product's list price when the currency is the product's; otherwise a 400.</li>
 * </ol>
 */
final class PriceRules {

    /** What the rules read of an account; {@code parentId} is the account it belongs to (its partner or agent). */
    record Customer(String id, String parentId, String tier, String province, String city, String channel) {
    }

    record Break(BigDecimal minQuantity, BigDecimal unitPrice) {
    }

    /** A price book with its breaks for the one product asked about. */
    record Book(String id, String name, String currency, LocalDate validFrom, LocalDate validTo, boolean active,
            String accountId, String partnerAccountId, String tier, String province, String city, String channel,
            long priority, List<Break> breaks) {

        int rank() {
            return accountId != null ? 3 : partnerAccountId != null ? 2 : criteria() > 0 ? 1 : 0;
        }

        int criteria() {
            int n = 0;
            for (String c : new String[] {accountId, partnerAccountId, tier, province, city, channel}) {
                n += c == null ? 0 : 1;
            }
            return n;
        }

        long validDays() {
            return validFrom == null || validTo == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(validFrom, validTo);
        }

        boolean validOn(LocalDate date) {
            return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
        }

        String scope() {
            if (accountId != null) {
                return "for account " + accountId;
            }
            if (partnerAccountId != null) {
                return "for partner " + partnerAccountId + " and its accounts";
            }
            List<String> parts = new ArrayList<>();
            if (tier != null) {
                parts.add("tier " + tier);
            }
            if (province != null) {
                parts.add("province " + province);
            }
            if (city != null) {
                parts.add("city " + city);
            }
            if (channel != null) {
                parts.add("channel " + channel);
            }
            return parts.isEmpty() ? "general" : String.join(", ", parts);
        }

        String validity() {
            return validFrom == null && validTo == null ? "always valid"
                    : "valid " + (validFrom == null ? "until" : validFrom + " to") + " " + (validTo == null ? "open end" : validTo);
        }
    }

    static final Comparator<Book> MOST_SPECIFIC_FIRST = Comparator.comparingInt(Book::rank).reversed()
            .thenComparing(Comparator.comparingInt(Book::criteria).reversed())
            .thenComparing(Comparator.comparingLong(Book::priority).reversed())
            .thenComparingLong(Book::validDays)
            .thenComparing(Book::name)
            .thenComparing(Book::id);

    private PriceRules() {
    }

    /** {@code code} when it is an ISO 4217 currency, else a 400 on {@code field}. */
    static String currency(String code, String field) {
        try {
            Currency.getInstance(code);
            return code;
        } catch (RuntimeException e) {
            throw AtriumException.invalidField(field, "'" + code + "' is not an ISO 4217 currency code like CNY or USD");
        }
    }

    static Price resolve(Catalog.Item product, Customer customer, BigDecimal quantity, LocalDate date, String askedCurrency,
            List<Book> books) {
        if (!product.active()) {
            throw AtriumException.invalidField("productId", "product " + product.sku() + " is inactive and has no price");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw AtriumException.invalidField("quantity", "must be greater than 0");
        }
        String currency = askedCurrency == null ? product.currency() : currency(askedCurrency, "currency");
        List<Book> candidates = books.stream()
                .filter(b -> b.active() && currency.equals(b.currency()) && b.validOn(date) && !b.breaks().isEmpty()
                        && applies(b, customer))
                .sorted(MOST_SPECIFIC_FIRST).toList();
        List<String> passedOver = new ArrayList<>();
        for (Book book : candidates) {
            Optional<Break> hit = book.breaks().stream().filter(x -> x.minQuantity().compareTo(quantity) <= 0)
                    .max(Comparator.comparing(Break::minQuantity));
            if (hit.isEmpty()) {
                passedOver.add(book.name() + " (no break up to quantity " + quantity.stripTrailingZeros().toPlainString() + ")");
                continue;
            }
            Break b = hit.get();
            StringBuilder why = new StringBuilder("price book ").append(book.name()).append(" (").append(book.scope()).append(", ")
                    .append(book.validity()).append(", priority ").append(book.priority()).append(")");
            why.append(b.minQuantity().signum() > 0 ? ", break from " + b.minQuantity().stripTrailingZeros().toPlainString() : ", base price");
            for (Book other : candidates.subList(candidates.indexOf(book) + 1, candidates.size())) {
                passedOver.add(other.name() + " (" + lostBecause(other, book) + ")");
            }
            if (!passedOver.isEmpty()) {
                why.append("; chosen over ").append(String.join(", ", passedOver));
            }
            return new Price(product.id(), listPrice(product, currency), b.unitPrice(), currency, book.id(), book.name(),
                    b.minQuantity(), why.toString());
        }
        if (!currency.equals(product.currency())) {
            throw AtriumException.invalidField("currency", "no active price book in " + currency + " valid on " + date
                    + " has a price for product " + product.sku() + " for this customer, and its list price is in " + product.currency());
        }
        if (product.listPrice() == null) {
            throw AtriumException.invalidField("productId", "product " + product.sku() + " has no list price and no price book gives"
                    + " it a price for this customer on " + date);
        }
        String why = "list price of product " + product.sku() + ": no active price book in " + currency + " valid on " + date
                + " with a price for it applies" + (customer == null ? " without an account" : " to this account")
                + (passedOver.isEmpty() ? "" : " (passed over: " + String.join(", ", passedOver) + ")");
        return new Price(product.id(), product.listPrice(), product.listPrice(), currency, null, null, null, why);
    }

    private static BigDecimal listPrice(Catalog.Item product, String currency) {
        return currency.equals(product.currency()) ? product.listPrice() : null;
    }

    private static String lostBecause(Book loser, Book winner) {
        if (loser.rank() != winner.rank() || loser.criteria() != winner.criteria()) {
            return "less specific: " + loser.scope();
        }
        if (loser.priority() != winner.priority()) {
            return "lower priority " + loser.priority();
        }
        if (loser.validDays() != winner.validDays()) {
            return "longer validity: " + loser.validity();
        }
        return "same rank, after it by name";
    }

    static boolean applies(Book book, Customer customer) {
        if (book.criteria() == 0) {
            return true;
        }
        if (customer == null) {
            return false;
        }
        return (book.accountId() == null || book.accountId().equals(customer.id()))
                && (book.partnerAccountId() == null || book.partnerAccountId().equals(customer.id())
                        || book.partnerAccountId().equals(customer.parentId()))
                && (book.tier() == null || book.tier().equalsIgnoreCase(String.valueOf(customer.tier())))
                && (book.province() == null || sameRegion(book.province(), customer.province()))
                && (book.city() == null || sameRegion(book.city(), customer.city()))
                && (book.channel() == null || book.channel().equalsIgnoreCase(String.valueOf(customer.channel())));
    }

    /**
     * Whether an address's region names the book's: addresses are free text, so 浙江省 and 浙江, 杭州市 and 杭州,
     * 广西壮族自治区 and 广西, and Latin names in any case all count as the same.
     */
    static boolean sameRegion(String book, String address) {
        if (address == null) {
            return false;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        String b = book.strip().toLowerCase(Locale.ROOT);
        return a.equals(b) || !b.isEmpty() && a.startsWith(b) && a.substring(b.length()).matches("(省|市|区|特别行政区|\\S{0,4}自治区| ?province| ?city)?");
    }
}
