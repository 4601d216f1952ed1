package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Keyboard only, no mouse: log in, quick-search a list, sort it from its header, open a record from its row, open
 * the create form and save it — every step by Tab, typing and Enter — with the focus visible where it lands.
 * Arguments: user, password, a unique tag (the accounts named with it exist).
 */
public final class KeyboardScenario implements UiScenario {
    private static final int MAX_TABS = 80;

    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String tag = args.get(2);
        b.driver.get(b.base + "/");
        b.visible(By.id("login-page"));
        // the login form's first field has the focus; Tab moves to the password, Enter submits
        keys(b.driver, args.get(0), Keys.TAB, args.get(1), Keys.ENTER);
        b.visible(By.id("user-name"));
        b.driver.get(b.base + "/#/accounts");
        b.visible(By.cssSelector("table.records"));

        tabTo(b, By.id("q"));
        keys(b.driver, tag, Keys.ENTER);
        b.wait.until(d -> d.findElements(By.cssSelector("table.records tbody tr[data-id]")).size() == 2
                && d.findElement(By.cssSelector("table.records tbody")).getText().contains(tag));
        b.check("the focus is visible", focusVisible(b));

        tabTo(b, By.cssSelector("button.sort[data-field=name]"));
        keys(b.driver, Keys.ENTER);
        b.wait.until(ExpectedConditions.attributeToBe(By.xpath("//button[@data-field='name']/ancestor::th"), "aria-sort", "ascending"));
        b.wait.until(d -> d.findElement(By.cssSelector("table.records tbody tr[data-id] a.record-link")).getText().endsWith("A " + tag));
        b.shot("keyboard-list.png");

        tabTo(b, By.cssSelector("table.records tbody tr[data-id] a.record-link"));
        keys(b.driver, Keys.ENTER);
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("record-title"), "A " + tag));

        b.driver.get(b.base + "/#/accounts");
        b.visible(By.cssSelector("table.records"));
        tabTo(b, By.id("new-record"));
        keys(b.driver, Keys.ENTER);
        b.visible(By.id("record-form"));
        tabTo(b, By.id("f-name"));
        keys(b.driver, "C " + tag, Keys.ENTER); // Enter in a text field submits the form
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("record-title"), "C " + tag));
        b.shot("keyboard-saved.png");
    }

    /** Presses Tab until {@code target} has the focus; fails when it is not reached by Tab. */
    private static void tabTo(Browser b, By target) {
        WebElement wanted = b.visible(target);
        for (int i = 0; i < MAX_TABS; i++) {
            if (wanted.equals(b.driver.switchTo().activeElement())) {
                return;
            }
            keys(b.driver, Keys.TAB);
        }
        throw new AssertionError("UI check failed: " + target + " is not reached with Tab");
    }

    private static void keys(WebDriver driver, CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The focused element shows an outline (the style's :focus-visible), not the browser's nothing. */
    private static boolean focusVisible(Browser b) {
        Object outline = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                "const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0");
        return Boolean.TRUE.equals(outline);
    }
}
