package org.atriumcrm.itests.ui;

import java.util.List;

/**
 * One end-to-end walk through the UI, a class of this package named by {@code UiIT}: a failed check throws.
 * Scenarios get the admin's credentials and whatever else UiIT passes as arguments.
 */
public interface UiScenario {
    void run(Browser browser, List<String> args) throws Exception;
}
