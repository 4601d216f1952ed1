package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An administrator uploads the pinyin plugin's jar with the console's file input; it shows as active, and the
 * accounts list's quick search then finds a Chinese-named account by its full pinyin and by its initials.
 * Uninstalled again with its data. Arguments: admin user, admin password, jar path, the account's name, its full
 * pinyin, its initials.
 */
public final class AdminPluginScenario implements UiScenario {
    private static final String PLUGIN = "org.atriumcrm.plugin.pinyin";

    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String name = args.get(3);
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/admin/plugins");
        // chromedriver wants a canonical path for a file input
        b.visible(By.id("plugin-file")).sendKeys(java.nio.file.Path.of(args.get(2)).toRealPath().toString());
        b.driver.findElement(By.id("plugin-upload")).click();
        By row = By.cssSelector("tr[data-plugin='" + PLUGIN + "']");
        b.wait.until(d -> !d.findElements(row).isEmpty() && d.findElement(row).getText().contains("Active"));
        b.check("the upload is confirmed", b.visible(By.id("admin-notice")).getText().contains("installed"));
        b.check("the plugin's module is shown", b.driver.findElement(row).getText().contains("pinyin"));
        b.shot("admin-plugins-installed.png");

        for (String typed : List.of(args.get(4), args.get(5))) {
            b.driver.get(b.base + "/#/accounts");
            b.visible(By.cssSelector("table.records"));
            WebElement q = b.driver.findElement(By.id("q"));
            q.clear();
            q.sendKeys(typed);
            b.driver.findElement(By.cssSelector(".quick-search button[type=submit]")).click();
            // the plugin indexes what exists when it starts, in the background: the wait covers that
            b.wait.until(d -> d.findElements(By.cssSelector(".pinyin-hit")).stream().anyMatch(a -> a.getText().equals(name)));
        }
        b.shot("pinyin-quick-search.png");

        b.driver.get(b.base + "/#/admin/plugins");
        b.visible(row).findElement(By.cssSelector(".plugin-uninstall")).click();
        b.visible(By.id("plugin-dialog"));
        b.driver.findElement(By.id("plugin-purge")).click();
        b.shot("admin-plugin-uninstall.png");
        b.driver.findElement(By.id("confirm-uninstall")).click();
        b.wait.until(d -> d.findElements(row).isEmpty());
        b.check("the dropped tables are named", b.visible(By.id("admin-notice")).getText().contains("ATRIUM_PINYIN_INDEX"));
        b.logout();
    }
}
