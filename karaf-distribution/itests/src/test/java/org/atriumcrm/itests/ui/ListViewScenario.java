package org.atriumcrm.itests.ui;

import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The accounts list: a filter built in the filter builder (a text pattern and a picklist "is one of"), sorted by a
 * column header, its rows checked against what the API answers for the URL's own query; columns chosen; the list
 * saved as a shared view, found again after a reload and picked from the view menu; two rows selected and updated by
 * a mass-update job whose progress bar reaches the end. Arguments: user, password, tag of the test's accounts.
 */
public final class ListViewScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        String tag = args.get(2);
        b.login(args.get(0), args.get(1));
        b.driver.get(b.base + "/#/accounts");
        b.visible(By.cssSelector("table.records"));

        // the filter builder: name like 'LV<tag>*' and industry in (retail, technology)
        b.driver.findElement(By.id("toggle-filter")).click();
        new Select(b.visible(By.id("filter-field-0"))).selectByValue("name");
        new Select(b.driver.findElement(By.id("filter-op-0"))).selectByValue("like");
        b.driver.findElement(By.id("filter-value-0")).sendKeys(tag + "*");
        b.driver.findElement(By.id("filter-add")).click();
        new Select(b.visible(By.id("filter-field-1"))).selectByValue("industry");
        new Select(b.driver.findElement(By.id("filter-op-1"))).selectByValue("in");
        Select industries = new Select(b.visible(By.id("filter-value-1")));
        industries.selectByValue("retail");
        industries.selectByValue("technology");
        b.shot("list-filter-builder.png");
        b.driver.findElement(By.id("filter-apply")).click();
        b.wait.until(d -> d.getCurrentUrl().contains("filter="));
        b.visible(By.id("filter-chips"));

        // sort by the name column, twice: descending
        b.driver.findElement(By.cssSelector("th[data-field=name] button.sort")).click();
        b.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-field=name]"), "aria-sort", "ascending"));
        b.driver.findElement(By.cssSelector("th[data-field=name] button.sort")).click();
        b.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-field=name]"), "aria-sort", "descending"));
        List<String> expected = List.of(tag + " 06", tag + " 05", tag + " 03", tag + " 02", tag + " 01");
        waitForRows(b, expected);
        b.check("the URL carries the sort and the filter", b.driver.getCurrentUrl().contains("sort=-name"));
        List<String> api = apiNames(b);
        b.check("the rows are what the API answers for the URL's query: " + api, api.equals(expected));
        b.check("the filter shows as chips", b.driver.findElement(By.id("filter-chips")).getText().contains("Retail"));
        b.shot("list-filtered-sorted.png");

        // columns: website out, annual revenue in
        b.driver.findElement(By.id("toggle-columns")).click();
        b.visible(By.id("column-website")).click();
        b.driver.findElement(By.id("column-annualRevenue")).click();
        b.shot("list-columns.png");
        b.driver.findElement(By.id("columns-apply")).click();
        b.wait.until(d -> !d.findElements(By.cssSelector("th[data-field=annualRevenue]")).isEmpty()
                && d.findElements(By.cssSelector("th[data-field=website]")).isEmpty());
        b.check("the URL carries the columns", b.driver.getCurrentUrl().contains("cols="));
        waitForRows(b, expected);

        // save it as a shared view, reload, leave, pick it again
        // a long name, as people give them: the view menu must not widen the page on a phone
        String view = "Retail & IT accounts of East China for the quarterly review " + tag;
        b.driver.findElement(By.id("view-save")).click();
        b.visible(By.id("view-name")).sendKeys(view);
        b.driver.findElement(By.id("view-shared")).click();
        b.driver.findElement(By.id("view-save-confirm")).click();
        b.visible(By.id("view-message"));
        b.wait.until(d -> d.getCurrentUrl().contains("view="));
        b.shot("list-view-saved.png");
        b.driver.navigate().refresh();
        b.visible(By.cssSelector("table.records"));
        waitForRows(b, expected);
        b.check("after a reload the view is still chosen", new Select(b.visible(By.id("view-select"))).getFirstSelectedOption().getText().contains(view));
        b.check("and its columns", !b.driver.findElements(By.cssSelector("th[data-field=annualRevenue]")).isEmpty());
        b.driver.get(b.base + "/#/accounts");
        b.wait.until(d -> d.findElements(By.cssSelector("th[data-field=annualRevenue]")).isEmpty());
        pick(b, view);
        waitForRows(b, expected);
        b.check("the picked view brings its columns back", !b.driver.findElements(By.cssSelector("th[data-field=annualRevenue]")).isEmpty());

        // select two rows and rate them hot with a mass update
        List<WebElement> rows = b.driver.findElements(By.cssSelector("table.records tbody tr[data-id]"));
        String first = rows.get(0).getAttribute("data-id");
        String second = rows.get(1).getAttribute("data-id");
        rows.get(0).findElement(By.cssSelector("input.row-select")).click();
        rows.get(1).findElement(By.cssSelector("input.row-select")).click();
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mass-count"), "2"));
        b.driver.findElement(By.id("mass-update")).click();
        new Select(b.visible(By.id("mass-field"))).selectByValue("rating");
        new Select(b.visible(By.id("mass-value"))).selectByValue("hot");
        b.check("the selected rows are the scope", b.driver.findElement(By.id("mass-scope-selected")).isSelected());
        b.shot("list-mass-update.png");
        b.driver.findElement(By.id("mass-start")).click();
        b.visible(By.cssSelector(".job-progress[data-status=completed]"));
        WebElement bar = b.driver.findElement(By.id("job-bar"));
        b.check("the progress bar is labelled", "job-bar".equals(b.driver.findElement(By.id("job-label")).getAttribute("for")));
        b.check("the progress bar reached its end: " + bar.getAttribute("value") + "/" + bar.getAttribute("max"),
                bar.getAttribute("value").equals(bar.getAttribute("max")) && "2".equals(bar.getAttribute("max")));
        b.check("two were updated", b.driver.findElement(By.id("job-result")).getText().contains("2"));
        b.wait.until(d -> "Hot".equals(rating(b, first)) && "Hot".equals(rating(b, second)));
        b.check("the others are untouched", b.driver.findElements(By.cssSelector("td[data-field=rating]")).stream()
                .filter(td -> "Hot".equals(td.getText())).count() == 2);
        b.shot("list-mass-update-done.png");

        // a phone: the toolbar wraps, the table scrolls sideways inside its frame, the page does not
        b.driver.manage().window().setSize(new Dimension(412, 900));
        b.wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth")).intValue() <= 480);
        b.check("the filter button is reachable on a phone", b.driver.findElement(By.id("toggle-filter")).isDisplayed());
        b.check("the list does not overflow its column (" + b.tooWide(".list-view") + ")", ((Boolean) ((JavascriptExecutor) b.driver).executeScript(
                "const l = document.querySelector('.list-view'); return l.scrollWidth <= l.clientWidth + 1")));
        b.shot("list-phone.png");
        b.driver.manage().window().setSize(new Dimension(1280, 900));
        b.logout();
    }

    static void pick(Browser b, String view) {
        Select views = new Select(b.visible(By.id("view-select")));
        String value = views.getOptions().stream().filter(o -> o.getText().contains(view)).findFirst()
                .orElseThrow(() -> new AssertionError("no view " + view + " in the menu")).getAttribute("value");
        views.selectByValue(value);
        b.wait.until(d -> d.getCurrentUrl().contains("view=" + value));
    }

    private static String rating(Browser b, String id) {
        List<WebElement> cell = b.driver.findElements(By.cssSelector("tr[data-id='" + id + "'] td[data-field=rating]"));
        return cell.isEmpty() ? null : cell.get(0).getText();
    }

    /** The names in the table; while the table is being redrawn, none (a wait asks again). */
    static List<String> shownNames(Browser b) {
        try {
            return b.driver.findElements(By.cssSelector("table.records tbody td[data-field=name]")).stream()
                    .map(WebElement::getText).collect(Collectors.toList());
        } catch (StaleElementReferenceException e) {
            return List.of();
        }
    }

    static void waitForRows(Browser b, List<String> expected) {
        try {
            b.wait.until(d -> shownNames(b).equals(expected));
        } catch (RuntimeException e) {
            throw new AssertionError("rows shown " + shownNames(b) + ", expected " + expected, e);
        }
    }

    /** The API's answer (through the browser's own session) for the list query in the page's URL. */
    @SuppressWarnings("unchecked")
    static List<String> apiNames(Browser b) {
        Object names = ((JavascriptExecutor) b.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const query = new URLSearchParams(location.hash.split('?')[1] || '');"
                + "const params = new URLSearchParams({limit: '20'});"
                + "for (const k of ['sort', 'filter', 'q']) if (query.get(k)) params.set(k, query.get(k));"
                + "fetch('/api/v1/accounts?' + params, {headers: {Accept: 'application/json'}})"
                + ".then(r => r.json()).then(j => done(j.items.map(i => i.name))).catch(e => done(String(e)));");
        if (!(names instanceof List)) {
            throw new AssertionError("the API did not answer: " + names);
        }
        return (List<String>) names;
    }
}
