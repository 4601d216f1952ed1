package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A rep types the address of another team's account: the "not found or not allowed" screen, and nothing of the
 * record (not its name) on the page, in the form either. Arguments: rep login, password, account id, its name.
 */
public final class RepForbiddenScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String id = args.get(2);
        String name = args.get(3);
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/accounts/" + id);
        WebElement screen = b.visible(By.id("record-not-found"));
        // the rep's language may be either: the screen says it in the one the UI shows
        b.check("a clear screen: " + screen.getText(), screen.getText().contains("Not found or not allowed")
                || screen.getText().contains("记录不存在或无权查看"));
        b.check("nothing of the record is shown", !b.driver.getPageSource().contains(name)
                && b.driver.findElements(By.id("record-title")).isEmpty());
        b.shot("record-not-allowed.png");
        b.driver.get(b.base + "/#/accounts/" + id + "/edit");
        b.wait.until(d -> d.getCurrentUrl().endsWith("/edit"));
        b.visible(By.id("record-not-found"));
        b.check("nor in the edit form", !b.driver.getPageSource().contains(name) && b.driver.findElements(By.id("f-name")).isEmpty());
        b.logout();
    }
}
