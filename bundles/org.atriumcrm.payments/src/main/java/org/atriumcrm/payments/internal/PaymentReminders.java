package org.atriumcrm.payments.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.commerce.api.OpenItems;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payment reminders (催款提醒) for open invoices: {@code daysBefore} days before the due date, and when they are
 * {@code daysAfter} days overdue (each stage once: the highest stage reached is claimed, earlier ones a late first
 * round skipped are not sent after it). An overdue stage posts {@link CommerceEvents#INVOICE_OVERDUE}; every stage
 * emails the invoice's owner through the company outbox while the mail module runs.
 */
@Component(immediate = true, configurationPid = "org.atriumcrm.payments.reminders")
@Designate(ocd = PaymentReminders.Config.class)
public class PaymentReminders {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReminders.class);
    static final String BEFORE = "before";

    @ObjectClassDefinition(name = "Atrium payment reminders", description = "Reminders of open invoices before and after their due date")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between two rounds")
        long intervalSeconds() default 3600;

        @AttributeDefinition(description = "Remind this many days before the due date (0: not before)")
        int daysBefore() default 3;

        @AttributeDefinition(description = "Remind when an invoice is this many days overdue, each once")
        int[] daysAfter() default {1, 7, 30};
    }

    private final PaymentStore payments;
    private final EventAdmin events;
    private final Config config;
    private final ScheduledExecutorService timer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReminderMail mail;

    @Activate
    public PaymentReminders(@Reference PaymentStore payments, @Reference EventAdmin events, Config config,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PaymentTypes.MODULE + ")") ModuleGate gate) {
        this.payments = payments;
        this.events = events;
        this.config = config;
        long interval = Math.max(1, config.intervalSeconds());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "atrium-payment-reminders"));
        timer.scheduleWithFixedDelay(this::runOnce, Math.min(interval, 30), interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    /** One round; the reminders sent. */
    int runOnce() {
        try {
            return remind(LocalDate.now());
        } catch (RuntimeException e) {
            LOG.warn("payment reminders failed this round; the next round retries", e);
            return 0;
        }
    }

    int remind(LocalDate today) {
        OpenItems invoices = payments.documents(PaymentStore.INVOICE);
        if (invoices == null) {
            return 0;
        }
        int sent = 0;
        for (OpenItems.OpenItem i : invoices.dueBetween(today.minusYears(10), today.plusDays(Math.max(0, config.daysBefore())), 5000)) {
            String stage = stage(i.dueDate(), today, config.daysBefore(), config.daysAfter());
            if (stage == null || !payments.claimReminder(PaymentStore.INVOICE, i.id(), stage, i.dueDate())) {
                continue;
            }
            sent++;
            long late = ChronoUnit.DAYS.between(i.dueDate(), today);
            if (late > 0) {
                Map<String, Object> props = new HashMap<>();
                props.put(DomainEvents.ENTITY, PaymentStore.INVOICE);
                props.put(DomainEvents.ID, i.id());
                props.put(CommerceEvents.ACCOUNT_ID, i.partyId());
                props.put(CommerceEvents.NUMBER, i.number());
                props.put(CommerceEvents.AMOUNT, i.open().toPlainString());
                props.put(CommerceEvents.CURRENCY, i.currency());
                props.put("overdueDays", late);
                events.postEvent(new Event(CommerceEvents.INVOICE_OVERDUE, props));
            }
            ReminderMail m = mail;
            if (m != null) {
                m.remind(i, late);
            }
        }
        return sent;
    }

    /** The stage an invoice due on {@code due} has reached on {@code today}; null for none. */
    static String stage(LocalDate due, LocalDate today, int daysBefore, int[] daysAfter) {
        long late = ChronoUnit.DAYS.between(due, today);
        if (late <= 0) {
            return daysBefore > 0 && -late <= daysBefore ? BEFORE : null;
        }
        int reached = Arrays.stream(daysAfter).filter(d -> d > 0 && late >= d).max().orElse(-1);
        return reached < 0 ? null : "overdue-" + reached;
    }
}
