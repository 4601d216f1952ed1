package org.atriumcrm.payments.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

import javax.persistence.EntityManager;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.commerce.api.OpenItems;
import org.atriumcrm.commerce.api.Receivables;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What the orders module's credit control reads: the open invoices of a credit unit's accounts. */
@Component(service = Receivables.class)
public class ReceivablesService implements Receivables {
    private final PaymentStore payments;

    @Activate
    public ReceivablesService(@Reference PaymentStore payments,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PaymentTypes.MODULE + ")") ModuleGate gate) {
        this.payments = payments;
    }

    @Override
    public Exposure exposure(Collection<String> accountIds, String currency) {
        return exposure(null, accountIds, currency);
    }

    @Override
    public Exposure exposure(EntityManager em, Collection<String> accountIds, String currency) {
        OpenItems invoices = payments.documents(PaymentStore.INVOICE);
        if (invoices == null || accountIds.isEmpty()) {
            return new Exposure(BigDecimal.ZERO, null);
        }
        BigDecimal open = BigDecimal.ZERO;
        LocalDate oldest = null;
        for (OpenItems.OpenItem i : em == null ? invoices.open(accountIds, currency) : invoices.open(em, accountIds, currency)) {
            open = open.add(i.open());
            if (i.dueDate() != null && (oldest == null || i.dueDate().isBefore(oldest))) {
                oldest = i.dueDate();
            }
        }
        return new Exposure(open, oldest);
    }
}
