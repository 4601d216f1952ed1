package org.atriumcrm.itests.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A logged-in rep, and an administrator who disables the opportunities module meanwhile: at the rep's next
 * navigation the board's menu entry, its page and its script are gone, and so is the home page's chart widget;
 * enabled again, all are back. Arguments: rep user, rep password, admin user, admin password.
 */
public final class ScreensFollowModulesScenario implements UiScenario {
    @Override
    public void run(Browser b, List<String> args) throws Exception {
        b.login(args.get(0), args.get(1));
        b.visible(By.cssSelector("a[data-screen=pipeline]"));
        b.visible(By.cssSelector("[data-widget=pipeline-summary]"));

        admin(b, args, "disable");
        b.driver.get(b.base + "/#/x/pipeline");
        b.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("a[data-screen=pipeline]")));
        b.visible(By.id("not-found"));
        b.check("the board is not shown", b.driver.findElements(By.id("pipeline-board")).isEmpty());
        b.check("its script is gone", status(b, "/ext/opportunities/pipeline-board.js") == 404);
        b.shot("board-module-disabled.png");
        b.driver.findElement(By.id("menu-home")).click();
        b.visible(By.id("home-page"));
        b.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-widget=pipeline-summary]")));

        admin(b, args, "enable");
        // the module's components come back asynchronously after the enable answered: the next navigation after
        // that shows the board again
        b.wait.until(d -> {
            d.findElement(By.id("menu-home")).click();
            d.get(b.base + "/#/home?at=" + System.nanoTime());
            return !d.findElements(By.cssSelector("a[data-screen=pipeline]")).isEmpty();
        });
        b.visible(By.cssSelector("a[data-screen=pipeline]")).click();
        b.visible(By.id("pipeline-board"));
        b.logout();
    }

    private static void admin(Browser b, List<String> args, String what) throws Exception {
        String basic = Base64.getEncoder().encodeToString((args.get(2) + ":" + args.get(3)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(b.base + "/api/v1/admin/modules/opportunities/" + what))
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        b.check(what + " answered " + answer.statusCode() + " " + answer.body(), answer.statusCode() == 200);
    }

    private static int status(Browser b, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(b.base + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
