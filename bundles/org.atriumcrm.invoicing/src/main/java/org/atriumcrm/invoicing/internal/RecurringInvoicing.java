package org.atriumcrm.invoicing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.invoicing.api.Invoice;
import org.atriumcrm.orders.api.Fulfilment;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recurring invoicing: every {@code intervalSeconds} (PID {@code org.atriumcrm.invoicing.recurring}, default one hour)
 * each confirmed order whose schedule's next run is due gets the invoice of each due period, oldest first. A period is
 * claimed by a conditional UPDATE of the order's next run date in the transaction that writes its invoice, so a
 * restart, a retry or a second node never invoices a period twice, and a failed invoice leaves the period due.
 */
@Component(service = RecurringInvoicing.class, immediate = true, configurationPid = "org.atriumcrm.invoicing.recurring")
public class RecurringInvoicing {
    private static final Logger LOG = LoggerFactory.getLogger(RecurringInvoicing.class);
    /** Bounds the catch-up of one order in one round (a schedule started years ago comes in over several rounds). */
    private static final int MAX_PERIODS = 36;
    private final Fulfilment fulfilment;
    private final InvoiceStore invoices;
    private final ScheduledExecutorService timer;

    @Activate
    public RecurringInvoicing(@Reference Fulfilment fulfilment, @Reference InvoiceStore invoices,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InvoicingTypes.MODULE + ")") ModuleGate gate,
            Map<String, Object> properties) {
        this.fulfilment = fulfilment;
        this.invoices = invoices;
        long interval = Math.max(1, Long.parseLong(String.valueOf(properties.getOrDefault("intervalSeconds", "3600"))));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "atrium-recurring-invoicing"));
        timer.scheduleWithFixedDelay(this::runQuietly, Math.min(interval, 30), interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void runQuietly() {
        try {
            runOnce(LocalDate.now(), Caller.SYSTEM);
        } catch (RuntimeException e) {
            LOG.warn("recurring invoicing failed this round; next round retries", e);
        }
    }

    /** One round as of {@code today}: the invoices it issued. */
    List<Invoice> runOnce(LocalDate today, Caller caller) {
        List<Invoice> issued = new ArrayList<>();
        for (String orderId : fulfilment.dueSchedules(today)) {
            try {
                for (int i = 0; i < MAX_PERIODS; i++) {
                    LocalDate due = fulfilment.order(orderId).map(Fulfilment.Order::nextInvoiceDate).orElse(null);
                    if (due == null || due.isAfter(today)) {
                        break;
                    }
                    Invoice inv = invoices.recurring(orderId, due, caller);
                    if (inv == null) {
                        break; // another run took this period
                    }
                    issued.add(inv);
                }
            } catch (RuntimeException e) {
                LOG.warn("recurring invoice of sales order {} failed; the period stays due", orderId, e);
            }
        }
        return issued;
    }
}
