package org.atriumcrm.itests.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The browser side of {@link org.atriumcrm.itests.UiIT}, run in a JVM of its own: Selenium is no OSGi bundle (a
 * dozen jars found through ServiceLoader), and out of the container it cannot disturb what the container ships.
 * Arguments: base URL, screenshot folder, the simple name of a {@link UiScenario} in this package, then the
 * scenario's own arguments. A failed check throws, so the exit code is the verdict and the stack trace the message.
 */
public final class UiBrowserCheck {
    private UiBrowserCheck() {
    }

    public static void main(String[] args) throws Exception {
        UiScenario scenario = (UiScenario) Class.forName(UiBrowserCheck.class.getPackageName() + "." + args[2])
                .getDeclaredConstructor().newInstance();
        List<String> rest = Arrays.asList(args).subList(3, args.length);
        try (Browser browser = new Browser(args[0], Path.of(args[1]))) {
            try {
                scenario.run(browser, rest);
            } catch (Exception | AssertionError e) {
                browser.report(e);
                throw e;
            }
        }
    }
}
