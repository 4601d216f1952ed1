package org.atriumcrm.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Atrium REST API",
        description = "Limits of the Atrium REST API")
public @interface RestConfig {

    @AttributeDefinition(name = "Maximum request body", description = "Largest accepted request body in bytes; larger ones get 413")
    long maxBodyBytes() default 1_048_576;

}
