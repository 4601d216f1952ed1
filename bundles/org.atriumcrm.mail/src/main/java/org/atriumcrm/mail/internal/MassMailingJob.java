package org.atriumcrm.mail.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.api.module.ModuleGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns mass-mailing recipients into outbox entries, a batch per transaction, every second; the outbox drainer
 * sends them at the configured rate. Nothing is held in memory between passes: a restart resumes from the table.
 */
@Component(immediate = true)
public class MassMailingJob {
    private static final Logger LOG = LoggerFactory.getLogger(MassMailingJob.class);
    static final int BATCH = 50;

    private final ScheduledExecutorService ticker;
    private final MassMailingRun run;

    @Activate
    public MassMailingJob(@Reference MassMailingStore mailings, @Reference EmailTemplateStore templates, @Reference MailRecords records,
            @Reference TrackingConfig tracking, @Reference OutboxSettings outbox,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        run = new MassMailingRun(mailings, templates, records, tracking::links, outbox::fromAddress, BATCH);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "atrium-mass-mailing");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 2, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        ticker.shutdownNow();
    }

    /** Every Throwable is caught: one escaping a periodic task would cancel it for good (see OutboxDrainer). */
    private void tick() {
        try {
            run.pass(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        } catch (Throwable e) {
            if (!ticker.isShutdown()) {
                LOG.warn("mass-mailing pass failed; the next one tries again", e);
            }
        }
    }
}
