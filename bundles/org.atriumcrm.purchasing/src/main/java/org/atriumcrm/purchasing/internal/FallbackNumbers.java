package org.atriumcrm.purchasing.internal;

import java.time.Year;
import java.util.Locale;

import org.atriumcrm.commerce.api.DocumentNumbers;
import org.atriumcrm.persistence.api.RecordIds;

/**
 * Numbers while no {@link DocumentNumbers} service is registered: the series, the year and the random tail of a
 * time-ordered record id, so unique under any concurrency without a shared row, though not consecutive.
 */
final class FallbackNumbers implements DocumentNumbers {
    static final FallbackNumbers INSTANCE = new FallbackNumbers();

    private FallbackNumbers() {
    }

    @Override
    public String next(String series) {
        String id = RecordIds.next().replace("-", "");
        return series + "-" + Year.now() + "-" + id.substring(id.length() - 12).toUpperCase(Locale.ROOT);
    }
}
