package org.atriumcrm.plugin.pinyin.internal;

import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Keeps the index in step with account and contact changes. Returns at once (EventAdmin blacklists slow
 * handlers): the index work is queued. Events may be missed while the module is disabled; enabling it again
 * should be followed by a rebuild (POST /api/v1/pinyin/rebuild), which an empty index gets automatically.
 */
@Component(service = EventHandler.class, property = {
    EventConstants.EVENT_TOPIC + "=" + DomainEvents.TOPIC_PREFIX + "Account/*",
    EventConstants.EVENT_TOPIC + "=" + DomainEvents.TOPIC_PREFIX + "Contact/*"})
public class PinyinIndexer implements EventHandler {
    private final PinyinIndex index;

    @Activate
    public PinyinIndexer(@Reference PinyinIndex index,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PinyinModule.ID + ")") ModuleGate gate) {
        this.index = index;
    }

    @Override
    public void handleEvent(Event event) {
        Object entity = event.getProperty(DomainEvents.ENTITY);
        Object id = event.getProperty(DomainEvents.ID);
        if (entity instanceof String e && id instanceof String i) {
            index.refresh(e, i);
        }
        if (event.getTopic().endsWith("/MERGED") && event.getProperty(DomainEvents.MERGED_ID) instanceof String merged) {
            index.refresh((String) entity, merged);
        }
    }
}
