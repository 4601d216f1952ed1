package org.atriumcrm.itests.ui;

import static org.atriumcrm.itests.ui.RecordScenarios.call;
import static org.atriumcrm.itests.ui.RecordScenarios.field;
import static org.atriumcrm.itests.ui.RecordScenarios.type;
import static org.atriumcrm.itests.ui.RecordScenarios.waitText;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Someone else changes the record (through the API) between the form's load and its save: the save is refused
 * (412, If-Match), the form says so with the values now saved, and "mine over theirs" saves against the new
 * version. Then the same on the record page's inline edit. Arguments: user, password, account id.
 */
public final class ConflictScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String user = args.get(0);
        String password = args.get(1);
        String id = args.get(2);
        b.login(user, password);
        b.driver.get(b.base + "/#/accounts/" + id + "/edit");
        b.visible(By.id("record-form"));
        b.wait.until(d -> !d.findElement(By.id("f-name")).getAttribute("value").isEmpty());
        int status = call(b, user, password, "PATCH", "/api/v1/accounts/" + id, "{\"phone\":\"010-88886666\"}").statusCode();
        b.check("the other change is saved: " + status, status == 200);
        type(b, By.id("f-fax"), "010-12345678");
        b.driver.findElement(By.id("form-save")).click();
        WebElement conflict = b.visible(By.id("form-conflict"));
        b.check("the conflict says someone else changed it", conflict.getText().contains("Changed by someone else"));
        b.check("with their new value", b.driver.findElement(By.cssSelector("#form-conflict tr[data-field=phone] td.theirs")).getText().equals("010-88886666"));
        b.check("and mine", b.driver.findElement(By.cssSelector("#form-conflict tr[data-field=fax] td.mine")).getText().equals("010-12345678"));
        b.shot("form-conflict-412.png");
        b.driver.findElement(By.id("conflict-reapply")).click();
        b.visible(By.id("record-title"));
        waitText(b, By.cssSelector(".detail-field[data-field=fax] dd"), "010-12345678");
        b.check("theirs is kept too", field(b, "phone").contains("010-88886666"));

        // inline edit of one field, with a change from elsewhere in between
        b.visible(By.cssSelector(".detail-field[data-field=website] .inline-edit-button")).click();
        call(b, user, password, "PATCH", "/api/v1/accounts/" + id, "{\"phone\":\"010-55554444\"}");
        type(b, By.id("inline-website"), "https://example.cn");
        b.driver.findElement(By.id("inline-save")).click();
        WebElement notice = b.visible(By.id("record-notice"));
        b.check("the stale inline edit is explained", notice.getText().contains("someone else"));
        waitText(b, By.cssSelector(".detail-field[data-field=phone] dd"), "010-55554444");
        b.visible(By.cssSelector(".detail-field[data-field=website] .inline-edit-button")).click();
        type(b, By.id("inline-website"), "https://example.cn");
        b.driver.findElement(By.id("inline-save")).click();
        waitText(b, By.cssSelector(".detail-field[data-field=website] dd"), "https://example.cn");
        b.shot("record-inline-edit.png");
        b.logout();
    }
}
