package org.atriumcrm.pricing.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.PriceResolver.Price;
import org.atriumcrm.pricing.internal.PriceRules.Book;
import org.atriumcrm.pricing.internal.PriceRules.Break;
import org.atriumcrm.pricing.internal.PriceRules.Customer;
import org.junit.Test;

public class PriceRulesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 15);
    private static final Catalog.Item PRODUCT = product(true, "100");
    private static final Customer ZJ_DEALER = new Customer("acc-1", "partner-1", "a", "浙江省", "杭州市", "dealer");

    private static Catalog.Item product(boolean active, String listPrice) {
        return new Catalog.Item("p-1", "SKU-1", "笔记本电脑", Catalog.Kind.PRODUCT, active, "piece",
                listPrice == null ? null : new BigDecimal(listPrice), "CNY", null, new BigDecimal("13"), true, false, null, false,
                "u-1", null, List.of());
    }

    private static Book book(String name, String currency, LocalDate from, LocalDate to, long priority, String accountId,
            String partnerId, String tier, String province, String channel, Break... breaks) {
        return new Book("id-" + name, name, currency, from, to, true, accountId, partnerId, tier, province, null, channel, priority,
                List.of(breaks));
    }

    private static Book general(String name, long priority, Break... breaks) {
        return book(name, "CNY", null, null, priority, null, null, null, null, null, breaks);
    }

    private static Break at(String min, String price) {
        return new Break(new BigDecimal(min), new BigDecimal(price));
    }

    private static Price price(Customer c, String qty, LocalDate date, String currency, Book... books) {
        return PriceRules.resolve(PRODUCT, c, new BigDecimal(qty), date, currency, List.of(books));
    }

    private static AtriumException refused(Runnable r) {
        try {
            r.run();
        } catch (AtriumException e) {
            return e;
        }
        fail("expected a refusal");
        return null;
    }

    @Test
    public void theLargestBreakNotAboveTheQuantityApplies() {
        Book b = general("Standard", 0, at("0", "95"), at("10", "90"), at("100", "80"));
        assertEquals(new BigDecimal("95"), price(null, "9.99", DAY, null, b).unitPrice());
        Price ten = price(null, "10", DAY, null, b);
        assertEquals(new BigDecimal("90"), ten.unitPrice());
        assertEquals(new BigDecimal("10"), ten.breakQuantity());
        assertTrue(ten.explanation(), ten.explanation().contains("break from 10"));
        assertEquals(new BigDecimal("80"), price(null, "1000", DAY, null, b).unitPrice());
    }

    @Test
    public void aBookWithoutABreakLowEnoughGivesWayToTheNext() {
        Book volume = general("Volume only", 9, at("100", "70"));
        Book base = general("Base", 0, at("1", "90"));
        Price p = price(null, "5", DAY, null, volume, base);
        assertEquals("Base", p.priceBookName());
        assertTrue(p.explanation(), p.explanation().contains("Volume only (no break up to quantity 5)"));
        assertEquals("Volume only", price(null, "100", DAY, null, volume, base).priceBookName());
        // nothing low enough anywhere: the list price
        Price list = price(null, "5", DAY, null, volume);
        assertNull(list.priceBookId());
        assertEquals(new BigDecimal("100"), list.unitPrice());
    }

    @Test
    public void validityDatesIncludeBothEnds() {
        Book season = book("Winter", "CNY", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 28), 0, null, null, null, null, null,
                at("0", "85"));
        assertNull(price(null, "1", LocalDate.of(2026, 11, 30), null, season).priceBookId());
        assertEquals("Winter", price(null, "1", LocalDate.of(2026, 12, 1), null, season).priceBookName());
        assertEquals("Winter", price(null, "1", LocalDate.of(2027, 2, 28), null, season).priceBookName());
        assertNull(price(null, "1", LocalDate.of(2027, 3, 1), null, season).priceBookId());
        Book openEnd = book("From Dec", "CNY", LocalDate.of(2026, 12, 1), null, 0, null, null, null, null, null, at("0", "88"));
        assertEquals("From Dec", price(null, "1", LocalDate.of(2099, 1, 1), null, openEnd).priceBookName());
    }

    @Test
    public void theMostSpecificBookWins() {
        Book general = general("General", 100, at("0", "99"));
        Book segment = book("Zhejiang dealers", "CNY", null, null, 0, null, null, null, "浙江", "dealer", at("0", "90"));
        Book partner = book("Partner", "CNY", null, null, 0, null, "partner-1", null, null, null, at("0", "85"));
        Book account = book("Account", "CNY", null, null, 0, "acc-1", null, null, null, null, at("0", "80"));
        Price p = price(ZJ_DEALER, "1", DAY, null, general, segment, partner, account);
        assertEquals("Account", p.priceBookName());
        assertTrue(p.explanation(), p.explanation().contains("chosen over Partner (less specific"));
        assertEquals("Partner", price(ZJ_DEALER, "1", DAY, null, general, segment, partner).priceBookName());
        assertEquals("Zhejiang dealers", price(ZJ_DEALER, "1", DAY, null, general, segment).priceBookName());
        // the segment names a channel the account is not in: it does not apply
        Customer retail = new Customer("acc-2", null, "a", "浙江", "宁波", "retail");
        assertEquals("General", price(retail, "1", DAY, null, general, segment, partner, account).priceBookName());
        // without an account only general books apply
        assertEquals("General", price(null, "1", DAY, null, general, segment, partner, account).priceBookName());
        // two criteria beat one
        Book tierOnly = book("Tier A", "CNY", null, null, 50, null, null, "a", null, null, at("0", "91"));
        assertEquals("Zhejiang dealers", price(ZJ_DEALER, "1", DAY, null, tierOnly, segment).priceBookName());
    }

    @Test
    public void priorityThenTheShorterValidityBreakTies() {
        Book year = general("All year", 0, at("0", "95"));
        Book season = book("Season", "CNY", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), 0, null, null, null, null, null,
                at("0", "89"));
        Price p = price(null, "1", DAY, null, year, season);
        assertEquals("Season", p.priceBookName());
        assertTrue(p.explanation(), p.explanation().contains("All year (longer validity"));
        Book preferred = general("Preferred", 5, at("0", "97"));
        Price q = price(null, "1", DAY, null, year, season, preferred);
        assertEquals("Preferred", q.priceBookName());
        assertTrue(q.explanation(), q.explanation().contains("lower priority 0"));
    }

    @Test
    public void currencies() {
        Book usd = book("USD list", "USD", null, null, 0, null, null, null, null, null, at("0", "14"));
        Book cny = general("CNY list", 0, at("0", "95"));
        Price p = price(null, "1", DAY, "USD", usd, cny);
        assertEquals("USD", p.currency());
        assertEquals(new BigDecimal("14"), p.unitPrice());
        assertNull(p.listPrice());
        assertEquals("CNY list", price(null, "1", DAY, null, usd, cny).priceBookName());
        AtriumException none = refused(() -> price(null, "1", DAY, "EUR", usd, cny));
        assertEquals(400, none.status());
        assertTrue(none.getMessage(), none.errors().get(0).field().equals("currency"));
        assertEquals(400, refused(() -> price(null, "1", DAY, "XX1", usd)).status());
        Price list = price(null, "1", DAY, "CNY");
        assertEquals(new BigDecimal("100"), list.unitPrice());
        assertTrue(list.explanation(), list.explanation().startsWith("list price of product SKU-1"));
    }

    @Test
    public void badQuestionsAreRefused() {
        assertEquals(400, refused(() -> price(null, "0", DAY, null)).status());
        assertEquals(400, refused(() -> price(null, "-1", DAY, null)).status());
        assertEquals(400, refused(() -> PriceRules.resolve(product(false, "10"), null, BigDecimal.ONE, DAY, null, List.of())).status());
        assertEquals(400, refused(() -> PriceRules.resolve(product(true, null), null, BigDecimal.ONE, DAY, null, List.of())).status());
    }

    @Test
    public void regionsCompareAsAddressesWriteThem() {
        assertTrue(PriceRules.sameRegion("浙江", "浙江省"));
        assertTrue(PriceRules.sameRegion("浙江", "浙江"));
        assertTrue(PriceRules.sameRegion("广西", "广西壮族自治区"));
        assertTrue(PriceRules.sameRegion("新疆", "新疆维吾尔自治区"));
        assertTrue(PriceRules.sameRegion("杭州", "杭州市"));
        assertTrue(PriceRules.sameRegion("Zhejiang", "zhejiang province"));
        assertFalse(PriceRules.sameRegion("江西", "江西省南昌"));
        assertFalse(PriceRules.sameRegion("浙江", null));
        assertFalse(PriceRules.sameRegion("山西", "陕西省"));
    }
}
