package org.atriumcrm.contracts.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renewal reminders: every {@code intervalSeconds} (PID {@code org.atriumcrm.contracts.reminders}, default one hour)
 * each contract in force whose renewal date is {@code reminderDaysBefore} days away or less (30 when not set) is
 * claimed once — the claim is persisted on the contract ({@code reminderSentAt}) with a conditional update, so a
 * restart or a second node never reminds twice — and {@link CommerceEvents#CONTRACT_RENEWAL_DUE} is posted to the
 * owner's notification channel.
 */
@Component(immediate = true, configurationPid = "org.atriumcrm.contracts.reminders")
public class ContractRenewalReminders {
    private static final Logger LOG = LoggerFactory.getLogger(ContractRenewalReminders.class);
    private final ContractStore contracts;
    private final ScheduledExecutorService timer;

    @Activate
    public ContractRenewalReminders(@Reference ContractStore contracts,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ContractTypes.MODULE + ")") ModuleGate gate,
            Map<String, Object> properties) {
        this.contracts = contracts;
        long interval = Math.max(1, Long.parseLong(String.valueOf(properties.getOrDefault("intervalSeconds", "3600"))));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "atrium-contract-reminders"));
        timer.scheduleWithFixedDelay(this::runOnce, Math.min(interval, 30), interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    /** One round; the contracts reminded. */
    int runOnce() {
        try {
            var due = contracts.claimDueReminders(LocalDate.now());
            for (Contract c : due) {
                contracts.announce(CommerceEvents.CONTRACT_RENEWAL_DUE, c, Caller.SYSTEM,
                        Map.of("ownerId", c.getOwnerId() == null ? "" : c.getOwnerId(), "renewalDate", c.getRenewalDate().toString()));
            }
            return due.size();
        } catch (RuntimeException e) {
            LOG.warn("contract renewal reminders failed this round; next round retries", e);
            return 0;
        }
    }
}
