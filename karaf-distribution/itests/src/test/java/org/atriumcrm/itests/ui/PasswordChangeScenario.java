package org.atriumcrm.itests.ui;

import java.util.List;

import org.openqa.selenium.By;

/**
 * A user changes their own password from the user menu: a wrong current password is refused with the problem's
 * message, the right one works, and the next login takes the new password. Arguments: user, password, new password.
 */
public final class PasswordChangeScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        b.login(args.get(0), args.get(1));
        b.driver.findElement(By.id("user-name")).click();
        b.visible(By.id("change-password")).click();
        b.visible(By.id("password-dialog"));
        b.driver.findElement(By.id("currentPassword")).sendKeys("wrong-" + args.get(1));
        b.driver.findElement(By.id("newPassword")).sendKeys(args.get(2));
        b.driver.findElement(By.id("repeatPassword")).sendKeys(args.get(2));
        b.driver.findElement(By.id("password-save")).click();
        b.check("a wrong current password is refused", !b.visible(By.id("password-error")).getText().isBlank());
        b.shot("password-change-refused.png");
        b.driver.findElement(By.id("currentPassword")).clear();
        b.driver.findElement(By.id("currentPassword")).sendKeys(args.get(1));
        b.driver.findElement(By.id("password-save")).click();
        b.visible(By.id("password-changed"));
        b.shot("password-changed.png");
        b.driver.findElement(By.cssSelector("#password-dialog button.secondary")).click();
        b.logout();
        b.login(args.get(0), args.get(2));
        b.logout();
    }
}
