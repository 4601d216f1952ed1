package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A plugin made from the SDK's archetype, with no UI code of its own: its entity type is in the menu, and its list,
 * create form and record page come from its metadata alone. Arguments: user, password, the plugin's plural (its
 * route), its menu label, a title for the new record.
 */
public final class PluginEntityScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String plural = args.get(2);
        String menuLabel = args.get(3);
        String title = args.get(4);
        b.login(args.get(0), args.get(1));
        WebElement menu = b.visible(By.cssSelector("nav.menu a[href='#/" + plural + "']"));
        b.check("the plugin's type is in the menu under its label", menuLabel.equals(menu.getText().trim()));
        menu.click();
        b.visible(By.cssSelector("table.records"));
        b.shot("plugin-list.png");
        b.visible(By.id("new-record")).click();
        b.visible(By.id("record-form"));
        b.check("the required title is marked", b.driver.findElement(By.cssSelector("label[for=f-title]")).getText().contains("*"));
        b.driver.findElement(By.id("f-title")).sendKeys(title);
        b.driver.findElement(By.id("f-body")).sendKeys("由插件的元数据生成的表单");
        b.shot("plugin-form.png");
        b.driver.findElement(By.id("form-save")).click();
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("record-title"), title));
        b.check("the record page shows the text field", b.driver.getPageSource().contains("由插件的元数据生成的表单"));
        b.shot("plugin-record.png");
        b.driver.get(b.base + "/#/" + plural);
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.records tbody"), title));
    }
}
