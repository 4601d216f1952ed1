package org.atriumcrm.itests.ui;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The import wizard: a GBK-encoded CSV of accounts with Chinese names (encoding detected), its Chinese headings mapped
 * by the server's suggestions, every industry of the whole file listed with its count and suggestion, an unknown one
 * (only after the sample rows) mapped to a picklist value, duplicates skipped, the mapping saved,
 * the job followed to the end and the accounts listed afterwards; then a file with a bad row, whose error report is
 * offered and names the row's problem. Arguments: user, password, tag.
 */
public final class ImportScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String tag = args.get(2);
        Path gbk = Files.createTempFile("客户-gbk-", ".csv");
        // 商贸 only in the last row, after the five sample rows: the value mapping reads the whole file
        Files.writeString(gbk, "客户名称,行业,客户等级,电话\n"
                + "导入" + tag + "华为技术,信息技术,热,0755-28780808\n"
                + "导入" + tag + "阿里巴巴,零售,温,\n"
                + "导入" + tag + "百度在线,信息技术,热,\n"
                + "导入" + tag + "京东商城,零售,冷,\n"
                + "导入" + tag + "网易,信息技术,温,\n"
                + "导入" + tag + "小米科技,信息技术,热,\n"
                + "导入" + tag + "腾讯控股,商贸,冷,\n", Charset.forName("GBK"));
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/accounts");
        b.visible(By.id("import-link")).click();
        b.wait.until(d -> d.getCurrentUrl().contains("#/import/accounts"));
        b.visible(By.id("import-file")).sendKeys(gbk.toString());
        b.shot("import-upload.png");
        b.driver.findElement(By.id("import-upload-button")).click();
        b.visible(By.id("import-map"));
        String summary = b.driver.findElement(By.id("import-file-summary")).getText();
        b.check("the file's rows and detected Chinese encoding are shown: " + summary, summary.contains("7") && summary.contains("GB"));
        b.check("the name column is suggested", "name".equals(mapping(b, "客户名称")));
        b.check("the industry column is suggested", "industry".equals(mapping(b, "行业")));
        // every industry of the file is listed with its count: 信息技术 is a label (suggested), 商贸 none (the value mapping asks)
        WebElement known = b.visible(By.xpath("//fieldset[@id='import-values']//label[contains(., '信息技术')]"));
        b.check("a known value is counted over the whole file: " + known.getText(), known.getText().contains("4"));
        b.check("and its picklist value is suggested", "technology".equals(new Select(b.driver.findElement(By.id(known.getAttribute("for"))))
                .getFirstSelectedOption().getAttribute("value")));
        WebElement unknown = b.visible(By.xpath("//fieldset[@id='import-values']//label[contains(., '商贸')]"));
        b.check("the value after the sample rows asks for a choice", !b.driver.findElements(
                By.cssSelector("#import-values .needs-choice[data-value='商贸']")).isEmpty());
        new Select(b.driver.findElement(By.id(unknown.getAttribute("for")))).selectByValue("wholesale");
        b.driver.findElement(By.id("dup-skip")).click();
        b.driver.findElement(By.id("import-save-as")).sendKeys("GBK accounts " + tag);
        b.shot("import-mapping.png");
        b.driver.findElement(By.id("import-start")).click();
        b.visible(By.cssSelector(".job-progress[data-status=completed]"));
        WebElement bar = b.driver.findElement(By.id("job-bar"));
        b.check("the progress bar reached its end", bar.getAttribute("value").equals(bar.getAttribute("max")) && "7".equals(bar.getAttribute("max")));
        String result = b.driver.findElement(By.id("job-result")).getText();
        b.check("seven created, none failed: " + result, result.contains("7 created") && result.contains("0 failed"));
        b.check("no error report without errors", b.driver.findElements(By.id("job-errors")).isEmpty());
        b.shot("import-done.png");

        b.driver.findElement(By.id("import-records")).click();
        b.visible(By.cssSelector("table.records"));
        WebElement q = b.visible(By.id("q"));
        q.sendKeys("导入" + tag, Keys.ENTER);
        b.wait.until(d -> ListViewScenario.shownNames(b).size() == 7);
        List<String> names = ListViewScenario.shownNames(b);
        b.check("the imported accounts are listed: " + names, names.contains("导入" + tag + "华为技术") && names.contains("导入" + tag + "腾讯控股"));
        b.check("the mapped value was imported", b.driver.findElements(By.cssSelector("td[data-field=industry]")).stream()
                .anyMatch(td -> td.getText().equals("Wholesale and trading")));
        b.shot("import-listed.png");

        // a bad row: its error report is offered and says what is wrong
        Path bad = Files.createTempFile("bad-", ".csv");
        Files.writeString(bad, "客户名称,员工人数\n坏行" + tag + "一,10\n坏行" + tag + "二,很多人\n", StandardCharsets.UTF_8);
        b.driver.get(b.base + "/#/import/accounts");
        b.visible(By.id("import-file")).sendKeys(bad.toString());
        b.driver.findElement(By.id("import-upload-button")).click();
        b.visible(By.id("import-map"));
        b.check("the employees column is suggested", "employees".equals(mapping(b, "员工人数")));
        b.driver.findElement(By.id("import-start")).click();
        b.visible(By.cssSelector(".job-progress[data-status=completed]"));
        String counts = b.driver.findElement(By.id("job-result")).getText();
        b.check("one created, one failed: " + counts, counts.contains("1 created") && counts.contains("1 failed"));
        WebElement report = b.visible(By.id("job-errors"));
        String csv = String.valueOf(((JavascriptExecutor) b.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done(String(e)));",
                report.getAttribute("href")));
        b.check("the error report names the row's problem: " + csv, csv.contains("employees"));
        b.wait.until(ExpectedConditions.visibilityOf(report));
        b.shot("import-errors.png");
        b.logout();
    }

    private static String mapping(Browser b, String heading) {
        return new Select(b.driver.findElement(By.cssSelector("select.map-field[data-column='" + heading + "']")))
                .getFirstSelectedOption().getAttribute("value");
    }
}
