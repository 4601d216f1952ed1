package org.atriumcrm.api.record;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The record stores registered now (those of enabled modules), by entity name and plural: the one place every
 * bundle asks, instead of each keeping its own map that follows the store services. When two stores claim one
 * entity, the one with the highest service ranking serves it, and the other takes over when it leaves.
 *
 * @since 1.3
 */
@ProviderType
public interface RecordStores {
    /** By entity name, e.g. {@code Account}. */
    Optional<RecordStore<?>> byName(String entityName);

    /** By plural, e.g. {@code accounts}. */
    Optional<RecordStore<?>> byPlural(String plural);

    /** By entity name or, failing that, plural. */
    default Optional<RecordStore<?>> byNameOrPlural(String nameOrPlural) {
        Optional<RecordStore<?>> store = byName(nameOrPlural);
        return store.isPresent() ? store : byPlural(nameOrPlural);
    }

    /** One store per entity type. */
    Collection<RecordStore<?>> all();

    /**
     * Calls {@code added} for every store there is now and for each one that arrives later (a module enabled),
     * until the subscription is cancelled. It must return fast: it runs on the thread that registers the store.
     */
    Subscription onAdded(Consumer<RecordStore<?>> added);

    /** Stops the notifications of {@link #onAdded}. */
    @ProviderType
    interface Subscription {
        void cancel();
    }
}
