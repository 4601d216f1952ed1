package org.atriumcrm.search.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Atrium record index",
        description = "The index that answers quick searches and list pages of large tables (which records, in which order) instead of a scan and sort in the database")
@interface SearchSettings {

    @AttributeDefinition(name = "Index from records", description = "Quick searches and list pages of an entity type use"
            + " the index once it holds this many records; below that the database answers as fast")
    int indexFromRecords() default 2_000;

    @AttributeDefinition(name = "Reconcile every (minutes)", description = "How often the index compares its record count"
            + " per entity type with the database, and rebuilds a type that differs twice in a row (e.g. rows written with"
            + " SQL around the platform); 0 turns it off")
    int reconcileMinutes() default 10;

    @AttributeDefinition(name = "Index directory", description = "Empty: ${karaf.data}/atrium/search-index")
    String directory() default "";
}
