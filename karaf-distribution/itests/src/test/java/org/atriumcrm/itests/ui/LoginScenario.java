package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The login page (labelled fields, the first-start password explained, the language switch), a refused login
 * and then the administrator's way in to the accounts list and out again. Arguments: user, password.
 */
public final class LoginScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        b.driver.get(b.base + "/");
        // rendered by the ES modules: the import map, lit from /vendor and our /app modules all loaded under the CSP
        WebElement page = b.visible(By.id("login-page"));
        b.check("the title is Atrium CRM", "Atrium CRM".equals(b.driver.getTitle()));
        b.check("a labelled login name", !b.driver.findElements(By.cssSelector("label[for=loginName]")).isEmpty()
                && b.driver.findElement(By.id("loginName")).isDisplayed());
        b.check("a labelled password field", "password".equals(b.driver.findElement(By.id("password")).getAttribute("type"))
                && !b.driver.findElements(By.cssSelector("label[for=password]")).isEmpty());
        b.check("the first-start password is explained", page.getText().contains("initial-admin-password")
                && page.getText().contains("ATRIUM_ADMIN_PASSWORD"));
        b.shot("login.png");
        new Select(b.driver.findElement(By.id("login-language"))).selectByValue("zh-CN");
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("label[for=loginName]"), "登录名"));
        b.shot("login-zh-CN.png");
        new Select(b.driver.findElement(By.id("login-language"))).selectByValue("en");
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("label[for=loginName]"), "Login name"));

        String user = args.get(0);
        String password = args.get(1);
        b.driver.findElement(By.id("loginName")).sendKeys(user);
        b.driver.findElement(By.id("password")).sendKeys("wrong-" + password);
        b.driver.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = b.visible(By.id("login-error"));
        b.check("a refused login shows the problem's detail", !error.getText().isBlank());
        b.shot("login-refused.png");
        b.driver.findElement(By.id("password")).clear();
        b.driver.findElement(By.id("password")).sendKeys(password);
        b.driver.findElement(By.cssSelector("button[type=submit]")).click();
        b.visible(By.id("user-name"));
        b.driver.get(b.base + "/#/accounts");
        b.visible(By.cssSelector("table.records"));
        b.check("the accounts list has columns from the metadata", b.driver.findElements(By.cssSelector("table.records th"))
                .stream().anyMatch(h -> h.getText().contains("Account name")));
        b.shot("accounts.png");
        b.logout();
    }
}
