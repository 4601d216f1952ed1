package ${package}.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ${entityName}Test {

    @Test
    public void metadataDescribesTheEntity() {
        assertEquals("${entityPlural}", ${entityName}.TYPE.plural());
        assertTrue(${entityName}.TYPE.field("title").orElseThrow().isRequired());
        assertEquals("Account", ${entityName}.TYPE.field("accountId").orElseThrow().referenceTo());
        assertEquals(PluginModule.ID, ${entityName}.TYPE.moduleId());
    }
}
