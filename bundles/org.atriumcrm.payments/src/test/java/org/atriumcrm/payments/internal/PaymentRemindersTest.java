package org.atriumcrm.payments.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.LocalDate;

import org.junit.Test;

public class PaymentRemindersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final int[] AFTER = {1, 7, 30};

    private static String stage(int dueInDays) {
        return PaymentReminders.stage(TODAY.plusDays(dueInDays), TODAY, 3, AFTER);
    }

    @Test
    public void beforeTheDueDateOnlyWithinTheDaysBefore() {
        assertNull(stage(4));
        assertEquals("before", stage(3));
        assertEquals("before", stage(0));
        assertNull(PaymentReminders.stage(TODAY, TODAY, 0, AFTER));
    }

    @Test
    public void afterTheDueDateTheHighestStageReached() {
        assertEquals("overdue-1", stage(-1));
        assertEquals("overdue-1", stage(-6));
        assertEquals("overdue-7", stage(-7));
        assertEquals("overdue-30", stage(-400));
        assertNull(PaymentReminders.stage(TODAY.minusDays(3), TODAY, 3, new int[] {7}));
    }
}
