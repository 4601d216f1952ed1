package org.atriumcrm.integration.api.outbox;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.annotation.versioning.ProviderType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a channel's outbox: a route {@code direct:<routeId>} on the channel's (started) CamelContext, so that the
 * pass shows under the administrators' routes, run every {@code periodMillis} by a thread of its own. The pace comes
 * from our own scheduler rather than camel-timer: a timer consumer started while Karaf refreshes bundles (the boot
 * of a test container, a KAR install) was seen never to fire.
 */
@ProviderType
public final class OutboxDrainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);

    /** One pass of a channel (usually {@link OutboxDrainer#pass}, with the channel's own preparations). */
    @FunctionalInterface
    public interface Pass {
        void run() throws Exception;
    }

    private final ScheduledExecutorService ticker;
    private final ProducerTemplate producer;
    private final String routeId;

    private OutboxDrainer(CamelContext camel, String routeId, long periodMillis, Pass pass) throws Exception {
        this.routeId = routeId;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + routeId).routeId(routeId).process(e -> pass.run());
            }
        });
        producer = camel.createProducerTemplate();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "atrium-" + routeId);
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 500, Math.max(100, periodMillis), TimeUnit.MILLISECONDS);
    }

    /** Starts draining on {@code camel}, which must be started already (routes added before never run). */
    public static OutboxDrainer start(CamelContext camel, String routeId, long periodMillis, Pass pass) throws Exception {
        return new OutboxDrainer(camel, routeId, periodMillis, pass);
    }

    /**
     * One pass over the due entries: each message is sent on its own and its outcome recorded on its own, so one
     * bad message never holds up the others. A message the counterpart took but whose delivery could not be recorded
     * (the database failing in between) is sent again on a later pass: at least once, never lost.
     *
     * @return how many messages the counterpart took
     */
    public static <E extends OutboxEntry, R> int pass(OutboxChannel<E, R> channel, int batch) throws InterruptedException {
        int allowed = channel.allowance(batch);
        if (allowed <= 0) {
            return 0;
        }
        List<E> due = channel.due(allowed);
        int sent = 0;
        for (E entry : due) {
            channel.pace();
            R answer;
            try {
                answer = channel.send(entry);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                String reason = reason(e);
                LOG.info("{} {} not sent (attempt {}): {}", entry.getClass().getSimpleName(), entry.getId(), entry.getAttempts() + 1, reason);
                channel.failed(entry, reason);
                continue;
            }
            channel.delivered(entry, answer);
            sent++;
        }
        return sent;
    }

    /** The innermost cause, as the entry's last error shows it. */
    public static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /**
     * One pass, whatever happens in it: an {@code Error} escaping a periodic task cancels it for good (the mail
     * outbox once stopped draining that way while Karaf refreshed bundles at start-up), so every Throwable is caught.
     */
    private void tick() {
        try {
            producer.sendBody("direct:" + routeId, null);
        } catch (Throwable e) {
            if (!ticker.isShutdown()) { // an interrupted pass while the module stops is expected
                LOG.warn("{} pass failed; the next one tries again", routeId, e);
            }
        }
    }

    /** Stops the ticks; the CamelContext (and with it the route) belongs to the channel. */
    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
