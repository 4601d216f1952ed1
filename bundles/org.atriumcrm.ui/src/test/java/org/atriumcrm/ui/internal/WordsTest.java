package org.atriumcrm.ui.internal;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Every screen adds its words with {@code addWords}, which refuses a key taken twice (a second meaning would
 * silently replace the first) by throwing when the module loads — and a module that throws takes the whole
 * application with it. This finds such a key at build time, across all the application's files.
 */
public class WordsTest {
    private static final Pattern KEY = Pattern.compile("^\\s*'?([A-Za-z][\\w.\\-]*)'?\\s*:", Pattern.MULTILINE);

    @Test
    public void noWordIsDefinedTwice() throws IOException {
        Map<String, String> owner = new HashMap<>();
        List<String> twice = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/ui/app"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                for (String block : englishBlocks(Files.readString(file, StandardCharsets.UTF_8), file)) {
                    Matcher m = KEY.matcher(block);
                    while (m.find()) {
                        String previous = owner.putIfAbsent(m.group(1), file.getFileName().toString());
                        if (previous != null) {
                            twice.add(m.group(1) + " in " + previous + " and " + file.getFileName());
                        }
                    }
                }
            }
        }
        assertTrue("i18n keys defined twice: " + twice, twice.isEmpty());
        assertTrue("the test read the words: " + owner.size(), owner.size() > 100);
    }

    /** The top-level members of each {@code en: {…}} block: the base words in i18n.js and those of addWords calls. */
    private static List<String> englishBlocks(String source, Path file) {
        List<String> blocks = new ArrayList<>();
        Matcher en = Pattern.compile("(?m)^\\s*en:\\s*\\{").matcher(source);
        while (en.find()) {
            int depth = 0;
            int start = en.end();
            StringBuilder top = new StringBuilder();
            for (int i = start - 1; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                } else if (depth == 1) {
                    top.append(c);
                } else if (c == '\n') {
                    top.append(c); // nested objects (word functions' bodies) do not count, their lines do
                }
            }
            blocks.add(top.toString());
        }
        return blocks;
    }
}
