package org.atriumcrm.persistence.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.atriumcrm.testkit.record.RecordStoreConformanceTest;
import org.osgi.service.event.EventAdmin;

/** The base class every module's and plugin's store extends keeps the RecordStore contract. */
public class JpaRecordStoreConformanceTest extends RecordStoreConformanceTest<Widget> {
    private static final InMemoryJpa JPA = InMemoryJpa.of("test");

    @Override
    protected RecordStore<Widget> newStore(EventAdmin events) {
        JPA.deleteAll();
        return new JpaRecordStore<>(Widget.TYPE, JPA, events, List.of(Widget.TYPE));
    }

    @Override
    protected Map<String, Object> validValues(int n) {
        return Map.of("name", "Widget " + n, "category", n % 2 == 0 ? "a" : "b", "amount", new BigDecimal(n));
    }
}
