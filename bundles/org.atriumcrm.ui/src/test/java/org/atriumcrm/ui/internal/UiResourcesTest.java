package org.atriumcrm.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

/** The files of contributed screens: only plain names of served types under a module, never a way out. */
public class UiResourcesTest {

    @Test
    public void aModulesFileIsAnEntryOfItsFolder() {
        UiResources.Target t = UiResources.extension("/opportunities/pipeline-board.js");
        assertEquals("pipeline-board.js", t.entry());
        assertEquals("text/javascript;charset=utf-8", t.contentType());
        assertEquals(UiResources.REVALIDATE, t.cacheControl());
        assertEquals("opportunities", UiResources.extensionModule("/opportunities/pipeline-board.js"));
        assertEquals("charts/funnel.css", UiResources.extension("/opportunities/charts/funnel.css").entry());
    }

    @Test
    public void nothingElseIsServed() {
        for (String path : new String[] {null, "", "/", "/opportunities", "/opportunities/", "/opportunities/../x.js",
            "/opportunities/%2e%2e/x.js", "/opportunities//x.js", "/opportunities/x.class", "/opportunities/META-INF/MANIFEST.MF",
            "/opportunities/.hidden.js", "/opportunities/x"}) {
            assertNull(path, UiResources.extension(path));
        }
    }
}
