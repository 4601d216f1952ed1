package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A second user sees another user's shared view under "Shared views", with its owner, and can open it but not change
 * it. Arguments: user, password, the view's name, its owner's login name.
 */
public final class SharedViewScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String view = args.get(2);
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/accounts");
        b.visible(By.cssSelector("table.records"));
        Select views = new Select(b.visible(By.id("view-select")));
        b.wait.until(d -> views.getOptions().stream().anyMatch(o -> o.getText().contains(view)));
        String label = views.getOptions().stream().filter(o -> o.getText().contains(view)).findFirst().get().getText();
        b.check("the shared view names its owner: " + label, label.contains(args.get(3)));
        b.check("it is under the shared views", !b.driver.findElements(By.xpath(
                "//select[@id='view-select']/optgroup[@label='Shared views' or @label='共享视图']/option[contains(., \"" + view + "\")]")).isEmpty());
        ListViewScenario.pick(b, view);
        b.visible(By.id("filter-chips"));
        b.check("its filter is applied", b.driver.getCurrentUrl().contains("filter=") && b.driver.getCurrentUrl().contains("cols="));
        b.check("another user's shared view cannot be changed here", b.driver.findElements(By.id("view-update")).isEmpty()
                && b.driver.findElements(By.id("view-delete")).isEmpty());
        b.shot("list-shared-view.png");
        b.logout();
    }
}
