package org.atriumcrm.search.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Atrium quick-search index",
        description = "The n-gram index that lets a quick search over a large table look up candidates instead of scanning it")
@interface SearchSettings {

    @AttributeDefinition(name = "Index from records", description = "Searches of an entity type use the index once it holds"
            + " this many records; below that a scan is as fast and sees every write at once (the index follows writes"
            + " a few milliseconds later, through domain events)")
    int indexFromRecords() default 20_000;

    @AttributeDefinition(name = "Reconcile every (minutes)", description = "How often the index compares its record count"
            + " per entity type with the database, and rebuilds a type that differs twice in a row (e.g. rows written with"
            + " SQL around the platform); 0 turns it off")
    int reconcileMinutes() default 10;

    @AttributeDefinition(name = "Index directory", description = "Empty: ${karaf.data}/atrium/search-index")
    String directory() default "";
}
