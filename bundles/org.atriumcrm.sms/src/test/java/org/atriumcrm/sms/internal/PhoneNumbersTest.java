package org.atriumcrm.sms.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

import org.junit.Test;

public class PhoneNumbersTest {

    @Test
    public void mainlandMobilesInEveryCommonFormBecomeOneE164Number() {
        for (String typed : new String[] {"13800138000", "8613800138000", "+8613800138000", "+86 138-0013-8000", "+86 138 0013 8000",
            "0086 138 0013 8000", "(+86) 138.0013.8000", "138\u00a00013\u00a08000", " 138-0013-8000 "}) {
            assertEquals(typed, Optional.of("+8613800138000"), PhoneNumbers.e164(typed, "86"));
        }
    }

    @Test
    public void aMainlandMobileStaysMainlandWhateverTheDefaultCountry() {
        assertEquals(Optional.of("+8613912345678"), PhoneNumbers.e164("139 1234 5678", "852"));
    }

    @Test
    public void otherNationalNumbersTakeTheDefaultCountryWithoutTheTrunkZero() {
        assertEquals(Optional.of("+862112345678"), PhoneNumbers.e164("021-1234 5678", "86"));
        assertEquals(Optional.of("+4915112345678"), PhoneNumbers.e164("0151 12345678", "49"));
        assertEquals(Optional.of("+85291234567"), PhoneNumbers.e164("+852 9123 4567", "86"));
    }

    @Test
    public void whatCannotBeAPhoneNumberIsRefused() {
        for (String typed : new String[] {null, "", "  ", "abc", "138 0013 8000 ext. 12", "+0123456789", "123", "+1234567890123456",
            "13800138000; DROP"}) {
            assertFalse(String.valueOf(typed), PhoneNumbers.e164(typed, "86").isPresent());
        }
    }

    @Test
    public void partsAreCountedAsCamelSplits() {
        assertTrue(SmsText.isDefaultAlphabet("Your order 42 has shipped!"));
        assertFalse("'@' is another character in GSM 03.38", SmsText.isDefaultAlphabet("mail me @ home"));
        assertFalse(SmsText.isDefaultAlphabet("您的订单已发货"));
        assertEquals(1, SmsText.segments("x".repeat(160)));
        assertEquals(2, SmsText.segments("x".repeat(161)));
        assertEquals(2, SmsText.segments("x".repeat(306)));
        assertEquals(3, SmsText.segments("x".repeat(307)));
        assertEquals(1, SmsText.segments("短".repeat(70)));
        assertEquals(2, SmsText.segments("短".repeat(71)));
        assertEquals(2, SmsText.segments("短".repeat(134)));
        assertEquals(3, SmsText.segments("短".repeat(135)));
        assertEquals("one Latin letter among Chinese makes it all UCS-2", 2, SmsText.segments("A" + "短".repeat(70)));
    }
}
