package ${package}.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Reacts to account changes. Handlers must return at once (EventAdmin blacklists slow ones): hand real work
 * to a queue of your own. EventAdmin is not durable; anything that must not be lost needs an outbox table.
 */
@Component(service = {EventHandler.class, AccountEventCounter.class},
        property = EventConstants.EVENT_TOPIC + "=" + DomainEvents.TOPIC_PREFIX + "Account/*")
public class AccountEventCounter implements EventHandler {
    private final AtomicLong seen = new AtomicLong();

    @Activate
    public AccountEventCounter(@Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PluginModule.ID + ")") ModuleGate gate) {
        // present only while the module is enabled
    }

    @Override
    public void handleEvent(Event event) {
        seen.incrementAndGet();
    }

    long seen() {
        return seen.get();
    }
}
