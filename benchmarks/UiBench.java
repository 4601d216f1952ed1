import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI as a user meets it (issue 14), in Debian's headless chromium through Selenium, against a running
 * distribution whose accounts were loaded through the import API (benchmarks/ui.sh does both):
 * <ul>
 * <li>a cold start, each in a browser with an empty profile (no cache): the login page shown (from the navigation's
 * start), then "Sign in" to the first list on the screen, and the bytes the browser transferred for both;</li>
 * <li>a list of 20 rows after a click — each sortable column both ways, next and previous page, quick search —
 * from the click's handler to the rows on the screen (the UI's performance marks), each against the same request
 * as the browser fetched it in the same run (Resource Timing), so the ratio is what the UI adds to the API.</li>
 * </ul>
 * As the administrator and as a sales rep who sees 1/20 of the accounts. Prints markdown; no assertion on time.
 *
 * <pre>
 *   java -cp SELENIUM_CLASSPATH benchmarks/UiBench.java BASE_URL ADMIN_PASSWORD REP_LOGIN REP_PASSWORD
 * </pre>
 */
public class UiBench {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final int COLD_STARTS = 5;
    static final int CLICKS = 8;

    public static void main(String[] args) throws Exception {
        // Selenium looks for a CDP binding matching Debian's chromium and warns on every browser; none is used here
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(java.util.logging.Level.SEVERE);
        String base = args[0];
        List<String[]> callers = List.of(new String[] {"admin", "admin", args[1]}, new String[] {"rep", args[2], args[3]});
        System.out.println("| screen | caller | n | p50 ms | max ms | API fetch p50 ms (same run) | UI / API | target | met |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String[] caller : callers) {
            coldStarts(base, caller);
            clicks(base, caller);
        }
    }

    /** Fresh browsers: nothing cached, so every module, library and the first API answers come over the wire. */
    static void coldStarts(String base, String[] caller) throws Exception {
        List<Double> shown = new ArrayList<>();
        List<Double> firstScreen = new ArrayList<>();
        List<Double> apiFirstList = new ArrayList<>();
        long bytes = 0;
        int requests = 0;
        for (int i = 0; i < COLD_STARTS; i++) {
            try (Browser b = new Browser()) {
                b.driver.get(base + "/");
                b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-page")));
                shown.add(b.number("return performance.getEntriesByName('atrium:login-shown')[0].startTime"));
                b.driver.findElement(By.id("loginName")).sendKeys(caller[1]);
                b.driver.findElement(By.id("password")).sendKeys(caller[2]);
                b.driver.findElement(By.cssSelector("button[type=submit]")).click();
                b.driver.get(base + "/#/accounts"); // the screen a rep works in, whatever the start page is
                b.awaitRows();
                firstScreen.add(b.number("return performance.getEntriesByName('atrium:list-rendered').at(-1).startTime"
                        + " - performance.getEntriesByName('atrium:login-submit')[0].startTime"));
                apiFirstList.add(b.lastListFetch());
                bytes = b.number("return performance.getEntriesByType('navigation')[0].transferSize + performance"
                        + ".getEntriesByType('resource').reduce((s, e) => s + e.transferSize, 0)").longValue();
                requests = b.number("return performance.getEntriesByType('resource').length + 1").intValue();
            }
        }
        row("login page shown, cold cache (from navigation start)", caller[0], shown, null, 1500);
        row("sign in → accounts list shown (cold cache)", caller[0], firstScreen, apiFirstList, 1500);
        System.out.printf("| (cold start transferred: %,d bytes in %d requests) | %s | | | | | | | |%n", bytes, requests, caller[0]);
    }

    /** One signed-in browser: each click's rows against the same request's fetch time. */
    static void clicks(String base, String[] caller) throws Exception {
        try (Browser b = new Browser()) {
            b.driver.get(base + "/");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-page")));
            b.driver.findElement(By.id("loginName")).sendKeys(caller[1]);
            b.driver.findElement(By.id("password")).sendKeys(caller[2]);
            b.driver.findElement(By.cssSelector("button[type=submit]")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
            b.driver.get(base + "/#/accounts");
            b.awaitRows();
            List<String> fields = new ArrayList<>();
            for (WebElement sort : b.driver.findElements(By.cssSelector("table.records th button.sort"))) {
                fields.add(sort.getAttribute("data-field"));
            }
            for (String field : fields) {
                // each click turns the order round: ascending, descending, ascending…
                Map<String, List<Double>> ui = Map.of("ascending", new ArrayList<>(), "descending", new ArrayList<>());
                Map<String, List<Double>> api = Map.of("ascending", new ArrayList<>(), "descending", new ArrayList<>());
                for (int i = 0; i < 2 * CLICKS; i++) {
                    b.measure(() -> b.driver.findElement(By.cssSelector("button.sort[data-field='" + field + "']")).click(), null, null);
                    String order = b.driver.findElement(By.xpath("//button[@data-field='" + field + "']/ancestor::th")).getAttribute("aria-sort");
                    ui.get(order).add(b.lastUi());
                    api.get(order).add(b.lastListFetch());
                }
                row("sort " + field + " ascending", caller[0], ui.get("ascending"), api.get("ascending"), 300);
                row("sort " + field + " descending", caller[0], ui.get("descending"), api.get("descending"), 300);
            }
            List<Double> ui = new ArrayList<>();
            List<Double> api = new ArrayList<>();
            List<Double> backUi = new ArrayList<>();
            List<Double> backApi = new ArrayList<>();
            for (int i = 0; i < CLICKS; i++) {
                b.measure(() -> b.driver.findElement(By.id("next")).click(), ui, api);
                b.measure(() -> b.driver.findElement(By.id("prev")).click(), backUi, backApi);
            }
            row("next page", caller[0], ui, api, 300);
            row("previous page", caller[0], backUi, backApi, 300);
            // two searches of each kind, taken in turn: the list reloads only when the search changes
            for (String[] q : new String[][] {{"quick search, common word", "科技", "贸易"}, {"quick search, rare word", "Acme 贸易 17", "Global 物流 23"}}) {
                List<Double> qUi = new ArrayList<>();
                List<Double> qApi = new ArrayList<>();
                for (int i = 0; i < CLICKS; i++) {
                    WebElement box = b.driver.findElement(By.id("q"));
                    box.clear();
                    box.sendKeys(q[1 + i % 2]);
                    b.measure(() -> b.driver.findElement(By.cssSelector("form.quick-search button[type=submit]")).click(), qUi, qApi);
                }
                row(q[0], caller[0], qUi, qApi, 300);
            }
        }
    }

    static void row(String screen, String caller, List<Double> ms, List<Double> api, double target) {
        double p50 = percentile(ms, 50);
        double apiP50 = api == null ? Double.NaN : percentile(api, 50);
        System.out.printf("| %s | %s | %d | %.0f | %.0f | %s | %s | ≤ %.0f ms | %s |%n", screen, caller, ms.size(), p50,
                Collections.max(ms), api == null ? "" : String.format("%.0f", apiP50),
                api == null ? "" : String.format("%.1f", p50 / apiP50), target, p50 <= target ? "yes" : "**no**");
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** A headless chromium with an empty profile of its own (a cold cache). */
    static final class Browser implements AutoCloseable {
        final ChromeDriverService service;
        final WebDriver driver;
        final WebDriverWait wait;
        final Path profile;

        Browser() throws Exception {
            profile = Files.createTempDirectory("uibench-profile");
            service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1280,900", "--lang=zh-CN", "--user-data-dir=" + profile);
            driver = new ChromeDriver(service, options);
            wait = new WebDriverWait(driver, WAIT);
        }

        Double number(String script) {
            return ((Number) ((JavascriptExecutor) driver).executeScript(script)).doubleValue();
        }

        void awaitRows() {
            wait.until(d -> ((JavascriptExecutor) d).executeScript(
                    "return performance.getEntriesByName('atrium:list-rendered').length > 0"
                    + " && document.querySelectorAll('table.records tbody tr[data-id]').length > 0"));
        }

        /** Clears the marks, clicks, waits for the rows, and adds the click's UI and API times. */
        void measure(Runnable click, List<Double> ui, List<Double> api) {
            ((JavascriptExecutor) driver).executeScript("performance.clearMarks(); performance.clearResourceTimings();");
            click.run();
            wait.until(d -> ((JavascriptExecutor) d).executeScript(
                    "const r = performance.getEntriesByName('atrium:list-rendered'), q = performance.getEntriesByName('atrium:list-request');"
                    + " return q.length > 0 && r.length > 0 && r.at(-1).startTime > q.at(-1).startTime"));
            if (ui != null) {
                ui.add(lastUi());
                api.add(lastListFetch());
            }
        }

        double lastUi() {
            return number("return performance.getEntriesByName('atrium:list-rendered').at(-1).startTime"
                    + " - performance.getEntriesByName('atrium:list-request').at(-1).startTime");
        }

        /** How long the browser waited for the last list request of the API (request start to the last byte). */
        double lastListFetch() {
            return number("const e = performance.getEntriesByType('resource').filter(e => /\\/api\\/v1\\/accounts\\?/.test(e.name));"
                    + " return e.length ? e.at(-1).responseEnd - e.at(-1).startTime : NaN");
        }

        @Override
        public void close() throws Exception {
            driver.quit();
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
