package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An administrator disables the leads module in the console (its dependents shown and confirmed) while a sales rep
 * is logged in in a second browser on the leads list: without a reload, the rep's menu loses Leads and the page says
 * the type is not enabled; enabled again, both come back. The rep has no administration menu and #/admin is refused.
 * Arguments: admin user, admin password, rep user, rep password.
 */
public final class AdminModulesScenario implements UiScenario {
    private static final By LEADS_MENU = By.cssSelector("nav.menu a[href='#/leads']");

    @Override
    public void run(Browser admin, List<String> args) throws Exception {
        try (Browser rep = new Browser(admin.base, admin.shots)) {
            rep.login(args.get(2), args.get(3));
            rep.check("a rep has no administration menu", rep.driver.findElements(By.id("menu-admin")).isEmpty());
            rep.driver.get(rep.base + "/#/admin/modules");
            WebElement refused = rep.visible(By.id("admin-refused"));
            rep.check("a rep is refused the administration", !refused.getText().isBlank()
                    && rep.driver.findElements(By.cssSelector(".module-card")).isEmpty());
            rep.shot("admin-refused-rep.png");
            rep.driver.get(rep.base + "/#/leads");
            rep.visible(By.id("list-title"));
            rep.check("the rep's menu has Leads", !rep.driver.findElements(LEADS_MENU).isEmpty());

            admin.login(args.get(0), args.get(1));
            admin.visible(By.id("menu-admin")).click();
            admin.wait.until(d -> d.getCurrentUrl().contains("#/admin"));
            WebElement leads = admin.visible(By.cssSelector(".module-card[data-module=leads]"));
            admin.check("leads is enabled to begin with", leads.getAttribute("class").contains("is-on"));
            admin.check("platform modules cannot be disabled", !admin.driver.findElement(
                    By.cssSelector(".module-card[data-module=core] .module-disable")).isEnabled());
            ((org.openqa.selenium.JavascriptExecutor) admin.driver).executeScript("window.scrollTo(0, 0)");
            admin.shot("admin-modules.png");
            leads.findElement(By.cssSelector(".module-disable")).click();
            WebElement dialog = admin.visible(By.id("module-dialog"));
            admin.check("the confirmation names the module and what depends on it", dialog.getText().contains("Leads")
                    && (!dialog.findElements(By.id("module-dependents")).isEmpty() || !dialog.findElements(By.id("module-no-dependents")).isEmpty()));
            admin.shot("admin-module-disable.png");
            admin.driver.findElement(By.id("confirm-disable")).click();
            admin.wait.until(d -> d.findElement(By.cssSelector(".module-card[data-module=leads]")).getAttribute("class").contains("is-off"));
            admin.check("the change log shows the change", admin.driver.findElement(By.id("module-changes")).getText().contains("Leads"));
            admin.check("this browser's menu lost Leads", admin.wait.until(ExpectedConditions.numberOfElementsToBe(LEADS_MENU, 0)).isEmpty());

            // the rep did nothing: the menu refresh took Leads away and the open page says so
            rep.wait.until(ExpectedConditions.numberOfElementsToBe(LEADS_MENU, 0));
            WebElement notEnabled = rep.visible(By.id("not-found"));
            rep.check("the open leads page says the type is not enabled", notEnabled.getText().contains("not enabled"));
            rep.shot("module-disabled-rep.png");

            admin.driver.findElement(By.cssSelector(".module-card[data-module=leads] .module-enable")).click();
            admin.wait.until(d -> d.findElement(By.cssSelector(".module-card[data-module=leads]")).getAttribute("class").contains("is-on"));
            rep.visible(LEADS_MENU);
            rep.visible(By.id("list-title"));
            rep.check("the leads list is back for the rep", rep.driver.findElements(By.id("not-found")).isEmpty());
            rep.logout();
        }
        admin.logout();
    }
}
