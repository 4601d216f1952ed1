package org.atriumcrm.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

/**
 * The stylesheet is plain CSS that several screens append to: a block left open (one lost brace in a merge) silently
 * moves every later rule into a media query, so desktop pages lose their styles and phones get desktop ones.
 */
public class StylesTest {
    @Test
    public void everyBlockOfTheStylesheetIsClosedWhereItOpened() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/ui/app/app.css"), StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "");
        int depth = 0;
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                assertTrue("a '}' closes nothing at line " + line, depth >= 0);
            }
            // a rule set of its own (not an @media body) never starts inside a rule set
            assertTrue("blocks nested deeper than a media query at line " + line, depth <= 2);
        }
        assertEquals("blocks left open at the end", 0, depth);
    }
}
