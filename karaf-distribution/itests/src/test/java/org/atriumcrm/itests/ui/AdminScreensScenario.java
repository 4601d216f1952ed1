package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every section of the administration console opens from its navigation, loads without an error and is saved as a
 * screenshot; a user created in the users section is listed, locked and unlocked. Arguments: admin user, admin
 * password, a login name for the new user.
 */
public final class AdminScreensScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/admin");
        b.visible(By.cssSelector(".admin-nav"));
        List<String> sections = b.driver.findElements(By.cssSelector(".admin-nav a")).stream()
                .map(a -> a.getAttribute("id").substring("admin-nav-".length())).toList();
        b.check("the console has its sections in order: " + sections, sections.size() >= 15
                && sections.indexOf("modules") == 0 && sections.indexOf("plugins") == 1 && sections.contains("users")
                && sections.contains("recycle-bin") && sections.contains("mailboxes") && sections.contains("sales-stages"));
        for (String section : sections) {
            b.driver.findElement(By.id("admin-nav-" + section)).click();
            b.visible(By.cssSelector(".admin[data-section='" + section + "'] .admin-section h2"));
            b.wait.until(d -> d.findElements(By.cssSelector(".admin-section .loading")).isEmpty());
            b.check(section + " loads without an error: " + errors(b), errors(b).isEmpty());
            // the section before is gone: one section element at a time (an element overriding a DOM method such
            // as remove() would stay behind)
            b.check(section + " replaces the section before it", b.driver.findElements(By.cssSelector(".admin-section > *")).size() == 1);
            b.shot("admin-" + section + ".png");
        }

        b.driver.findElement(By.id("admin-nav-users")).click();
        b.visible(By.id("user-create")).click();
        b.visible(By.id("user-dialog"));
        b.driver.findElement(By.id("u-login")).sendKeys(args.get(2));
        b.driver.findElement(By.id("u-password")).sendKeys("Ui-Created-Pass-2027");
        b.driver.findElement(By.id("u-name")).sendKeys("王小明");
        b.shot("admin-user-create.png");
        b.driver.findElement(By.id("user-dialog-save")).click();
        By row = By.cssSelector("tr[data-user='" + args.get(2) + "']");
        WebElement created = b.visible(row);
        b.check("the new user is listed with the name given", created.getText().contains("王小明"));
        created.findElement(By.cssSelector(".user-edit")).click();
        b.visible(By.id("user-dialog"));
        b.check("the edit form shows the user's values", "王小明".equals(b.driver.findElement(By.id("u-name")).getAttribute("value"))
                && b.driver.findElement(By.cssSelector("#user-dialog input[name=profileIds]:checked")) != null);
        b.driver.findElement(By.id("u-email")).sendKeys("wang.xiaoming@example.cn");
        b.driver.findElement(By.id("user-dialog-save")).click();
        b.wait.until(d -> d.findElement(row).getText().contains("wang.xiaoming@example.cn"));
        created = b.driver.findElement(row);
        b.check("the edit kept the name", created.getText().contains("王小明"));
        created.findElement(By.cssSelector(".user-lock")).click();
        b.wait.until(d -> !d.findElements(By.cssSelector("tr[data-user='" + args.get(2) + "'] .user-unlock")).isEmpty());
        b.driver.findElement(row).findElement(By.cssSelector(".user-unlock")).click();
        b.wait.until(d -> !d.findElements(By.cssSelector("tr[data-user='" + args.get(2) + "'] .user-lock")).isEmpty());

        b.driver.findElement(By.id("admin-nav-profiles")).click();
        b.visible(By.id("rights-matrix"));
        b.check("the rights matrix has a row per record type", b.driver.findElements(By.cssSelector("#rights-matrix tbody tr")).size() > 5);

        // on a phone: the console stacks, nothing is wider than the screen
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(400, 860));
        b.driver.get(b.base + "/#/admin/modules");
        b.visible(By.cssSelector(".module-card[data-module=leads]"));
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        Object wide = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                "const W = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > W + 1 && !e.closest('nav.menu, .admin-nav'))"
                + ".slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')"
                + " + ' ' + Math.round(e.getBoundingClientRect().width) + 'px').join(', ')"
                + " + ' | ancestors: ' + (() => { const out = []; for (let e = document.querySelector('.admin-section'); e; e = e.parentElement)"
                + " out.push(e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().width) + '/'"
                + " + e.scrollWidth + ' ' + getComputedStyle(e).display); return out.join(' < '); })()"
                + " + ' | topbar ' + document.querySelector('.topbar').scrollWidth + ' menu ' + document.querySelector('nav.menu').scrollWidth");
        b.check("the console fits a phone's width (overflow " + overflow + " px: " + wide + ")", ((Number) overflow).intValue() <= 0);
        b.shot("admin-modules-phone.png");
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("shell-language"))).selectByValue("zh-CN");
        b.wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".admin-head h2"), "模块"));
        b.check("the console speaks Chinese", b.driver.findElement(By.id("admin-nav-users")).getText().equals("用户"));
        b.shot("admin-modules-zh-CN.png");
        new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("shell-language"))).selectByValue("en");
        b.logout();
    }

    private static String errors(Browser b) {
        return String.join(" | ", b.driver.findElements(By.cssSelector(".admin-section .error")).stream().map(WebElement::getText).toList());
    }
}
