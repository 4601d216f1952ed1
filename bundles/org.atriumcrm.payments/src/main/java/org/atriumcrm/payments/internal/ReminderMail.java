package org.atriumcrm.payments.internal;

import org.atriumcrm.commerce.api.OpenItems;

/** Emails a payment reminder (present while the mail module runs: its package is an optional import). */
interface ReminderMail {
    /** {@code overdueDays} ≤ 0: the invoice falls due in that many days. */
    void remind(OpenItems.OpenItem invoice, long overdueDays);
}
