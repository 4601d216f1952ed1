package org.atriumcrm.leads.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.junit.Test;

public class LeadRulesTest {

    @Test
    public void mainlandMobilesMatchHoweverTheyAreWritten() {
        Set<String> variants = LeadDuplicateCheck.mobileVariants("+86 139-1234-5678");
        assertTrue(variants.containsAll(List.of("13912345678", "+8613912345678", "+86 13912345678", "139 1234 5678",
                "+86 139 1234 5678", "139-1234-5678")));
        assertTrue(LeadDuplicateCheck.mobileVariants("8613912345678").contains("13912345678"));
    }

    @Test
    public void rulesMatchOnTheirCriteriaOnly() {
        LeadAssignmentRule rule = new LeadAssignmentRule();
        rule.setMatchSource("web");
        rule.setMatchProvince("广东省");
        rule.setAssigneeIds("a, b\nc");
        rule.beforeSave();
        assertEquals(List.of("a", "b", "c"), rule.assignees());
        assertEquals(LeadAssignmentRule.ROUND_ROBIN, rule.getStrategy());
        Lead lead = new Lead();
        lead.setSource("web");
        lead.setProvince(" 广东省 ");
        assertTrue(rule.matches(lead));
        lead.setSource("partner");
        assertFalse(rule.matches(lead));
        rule.setActive(false);
        lead.setSource("web");
        assertFalse("inactive rules never match", rule.matches(lead));
    }

    @Test
    public void aLeadNeedsANameOrACompanyAndGetsItsFullName() {
        Lead lead = new Lead();
        try {
            lead.beforeSave();
            fail("no name, no company");
        } catch (AtriumException e) {
            assertEquals(400, e.status());
        }
        lead.setLastName("欧阳");
        lead.setFirstName("娜娜");
        lead.beforeSave();
        assertEquals("欧阳娜娜", lead.getFullName());
        assertEquals(Lead.NEW, lead.getStatus());
        LeadForm form = new LeadForm();
        form.setAllowedOrigins("https://www.example.cn/\nhttps://shop.example.cn");
        assertTrue(WebToLeadEndpoint.allows(form, "https://WWW.example.cn"));
        assertFalse(WebToLeadEndpoint.allows(form, "https://evil.example"));
        form.beforeSave();
        assertTrue(form.getFormKey().startsWith("lf_"));
    }
}
