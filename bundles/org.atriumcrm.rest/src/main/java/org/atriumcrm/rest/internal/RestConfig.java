package org.atriumcrm.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Atrium REST API",
        description = "Limits of the Atrium REST API")
public @interface RestConfig {

    @AttributeDefinition(name = "Maximum request body", description = "Largest accepted request body in bytes; larger ones get 413")
    long maxBodyBytes() default 1_048_576;

    @AttributeDefinition(name = "Maximum plugin upload", description = "Largest plugin jar accepted by POST /api/v1/admin/plugins, in bytes")
    long maxPluginBytes() default 67_108_864;

    @AttributeDefinition(name = "Maximum import file", description = "Largest CSV/Excel file accepted by POST /api/v1/imports, in bytes")
    long maxImportBytes() default 1_073_741_824;

    @AttributeDefinition(name = "Maximum record file", description = "Largest file accepted by PUT /api/v1/<plural>/{id}/<file> (a product image, a signed scan), in bytes; each module keeps its own, lower limit")
    long maxFileBytes() default 67_108_864;

}
