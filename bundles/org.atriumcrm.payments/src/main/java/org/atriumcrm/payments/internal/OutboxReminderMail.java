package org.atriumcrm.payments.internal;

import java.util.List;
import java.util.Optional;

import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.commerce.api.OpenItems;
import org.atriumcrm.mail.api.OutboundMail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reminds the invoice's owner — the rep who chases the payment — by email through the company outbox, in Chinese
 * and English, filed in the account's correspondence history.
 */
@Component(service = ReminderMail.class)
public class OutboxReminderMail implements ReminderMail {
    private final OutboundMail outbox;
    private final UserDirectory users;

    @Activate
    public OutboxReminderMail(@Reference OutboundMail outbox, @Reference UserDirectory users) {
        this.outbox = outbox;
        this.users = users;
    }

    @Override
    public void remind(OpenItems.OpenItem invoice, long overdueDays) {
        Optional<String> to = invoice.ownerId() == null ? Optional.empty() : users.emailOf(invoice.ownerId());
        if (to.isEmpty()) {
            return;
        }
        String when = overdueDays > 0 ? "逾期 " + overdueDays + " 天 / overdue " + overdueDays + " days"
                : overdueDays == 0 ? "今天到期 / due today" : (-overdueDays) + " 天后到期 / due in " + (-overdueDays) + " days";
        String subject = "付款提醒 Payment reminder: " + invoice.number() + " " + when;
        String text = "发票 " + invoice.number() + " 未收金额 " + invoice.open().toPlainString() + " " + invoice.currency()
                + "，到期日 " + invoice.dueDate() + "（" + when + "）。\n\nInvoice " + invoice.number() + ": "
                + invoice.open().toPlainString() + " " + invoice.currency() + " open, due " + invoice.dueDate() + " (" + when + ").\n";
        outbox.queue(new OutboundMail.Message(List.of(to.get()), subject, text, null, invoice.partyId(), List.of()), Caller.SYSTEM);
    }
}
