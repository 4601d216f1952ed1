package org.atriumcrm.commerce.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.atriumcrm.commerce.api.Approvals.Subject;
import org.junit.Test;

/** Which rule applies to a document, and which of several is the strictest. */
public class ApprovalsServiceTest {

    private static ApprovalRule rule(String name, String discount, String amount, String currency, String when) {
        ApprovalRule r = new ApprovalRule();
        r.setName(name);
        r.setDocumentEntity("Quote");
        r.setMinDiscountPercent(discount == null ? null : new BigDecimal(discount));
        r.setMinAmount(amount == null ? null : new BigDecimal(amount));
        r.setCurrency(currency);
        r.setMatchWhen(when);
        r.setApproverType(CommerceTypes.MANAGER);
        return r;
    }

    private static Subject quote(String amount, String discount) {
        return new Subject("Quote", "q", "owner", new BigDecimal(amount), "CNY", new BigDecimal(discount));
    }

    @Test
    public void aDiscountAtTheThresholdNeedsApprovalBelowItDoesNot() {
        ApprovalRule fifteen = rule("15", "15", null, null, "any");
        assertTrue(ApprovalsService.match(fifteen, quote("100.00", "15")).isPresent());
        assertFalse(ApprovalsService.match(fifteen, quote("100.00", "14.99")).isPresent());
        assertEquals("discount 15 % reaches 15 % (rule 15)", ApprovalsService.match(fifteen, quote("100.00", "15")).get().reason());
    }

    @Test
    public void anAmountThresholdAppliesOnlyInItsCurrency() {
        ApprovalRule big = rule("big", null, "100000", "CNY", "any");
        assertTrue(ApprovalsService.match(big, quote("100000.00", "0")).isPresent());
        assertFalse(ApprovalsService.match(big, new Subject("Quote", "q", "o", new BigDecimal("200000"), "USD", BigDecimal.ZERO)).isPresent());
    }

    @Test
    public void allNeedsEveryThresholdAnyNeedsOne() {
        ApprovalRule all = rule("all", "10", "50000", "CNY", "all");
        ApprovalRule any = rule("any", "10", "50000", "CNY", "any");
        assertFalse(ApprovalsService.match(all, quote("60000", "5")).isPresent());
        assertTrue(ApprovalsService.match(all, quote("60000", "10")).isPresent());
        assertTrue(ApprovalsService.match(any, quote("60000", "5")).isPresent());
    }

    @Test
    public void theStrictestMatchingRuleWins() {
        ApprovalRule fifteen = rule("15", "15", null, null, "any");
        ApprovalRule thirty = rule("30", "30", null, null, "any");
        ApprovalRule amount = rule("amount", null, "1000000", "CNY", "any");
        List<ApprovalRule> rules = List.of(fifteen, thirty, amount);
        assertEquals("30", ApprovalsService.strictest(rules, quote("500", "35")).get().rule().getName());
        assertEquals("15", ApprovalsService.strictest(rules, quote("500", "20")).get().rule().getName());
        assertEquals("amount", ApprovalsService.strictest(rules, quote("2000000", "35")).get().rule().getName());
        assertTrue(ApprovalsService.strictest(rules, quote("500", "5")).isEmpty());
    }
}
