package org.atriumcrm.itests.ui;

import static org.atriumcrm.itests.ui.RecordScenarios.type;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A user whose language is zh-CN saves an account form with the required name empty and a website that is none: the
 * server's messages (not the browser's) are shown at the fields, in Chinese. Arguments: user, password.
 */
public final class ChineseValidationScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        b.login(args.get(0), args.get(1));
        b.check("the UI speaks the user's language", "zh-CN".equals(((JavascriptExecutor) b.driver)
                .executeScript("return document.documentElement.lang")));
        b.driver.get(b.base + "/#/accounts/new");
        b.visible(By.id("record-form"));
        type(b, By.id("f-website"), "不是网址");
        b.driver.findElement(By.id("form-save")).click();
        String name = b.visible(By.id("f-name-error")).getText();
        b.check("the required name is refused in Chinese at its field: " + name, "不能为空".equals(name));
        String website = b.visible(By.id("f-website-error")).getText();
        b.check("the website is refused in Chinese at its field: " + website, "不是有效的网址".equals(website));
        b.shot("form-validation-error-zh.png");
        b.logout();
    }
}
