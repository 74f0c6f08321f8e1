package org.whatmatters.local.cloud.e2e.browser;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through its chromedriver (both from apt; ./dev installs them when
 * missing), headless, with downloads going to a folder of the test's own. One per test.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    final Path downloads;
    private final URI web;
    /** The console lines of requests the test itself made to be refused (see fetchStatus). */
    private final List<String> refusedOnPurpose = new ArrayList<>();

    Browser(URI web, int width, int height) throws IOException {
        this.web = web;
        this.downloads = Files.createTempDirectory("wm-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("CHROME_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-GB", "--window-size=" + width + "," + height);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    static Browser desktop(URI web) throws IOException {
        return new Browser(web, 1280, 900);
    }

    private static String executable(String env, String fallback) {
        String path = System.getenv(env) != null ? System.getenv(env) : fallback;
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver "
                    + "(./dev test installs them when it can), or set " + env);
        }
        return path;
    }

    void open(String page) {
        driver.get(web.resolve("/" + page).toString());
    }

    /** Signs in through the hosted-UI stand-in as a demo user, from the landing page. */
    void signIn(String sub) {
        open("");
        click(By.id("sign-in"));
        click(By.cssSelector("button[name='sub'][value='" + sub + "']"));
        waitFor(d -> d.getCurrentUrl().startsWith(web.toString()) && !d.getCurrentUrl().contains("signin.html"));
    }

    WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Waits for {@code condition}; the pages redraw lists live, so an element gone stale is looked up again. */
    <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** Waits until the element's text contains {@code part}; answers the text. */
    String textContains(By by, String part) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(by);
            String text = found.isEmpty() ? "" : found.getFirst().getText();
            return text.contains(part) ? text : null;
        });
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Runs {@code fetch} in the page, as the signed-in user; answers the status. Chromium logs a 4xx
     * answer at SEVERE: that line, for this request only, is left out of {@link #consoleErrors()}.
     */
    long fetchStatus(String apiUrl, String path) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = sessionStorage.getItem(Object.keys(sessionStorage).find(k => /token/i.test(k)));
                fetch(arguments[0] + arguments[1], {headers: {authorization: 'Bearer ' + token}})
                  .then(r => done(r.status), e => done(-1));""", apiUrl, path);
        long status = ((Number) answer).longValue();
        refusedOnPurpose(apiUrl + path, status);
        return status;
    }

    /**
     * A request to {@code url} that the test has the service refuse with {@code status} on purpose (the page's
     * own, e.g. a save the API is meant to reject): Chromium's SEVERE line for it is left out of {@link #consoleErrors()}.
     */
    void refusedOnPurpose(String url, long status) {
        refusedOnPurpose.add(url + " - Failed to load resource: the server responded with a status of " + status + " ");
    }

    /**
     * Visible text whose colour against its background is below WCAG AA: 4.5:1, or 3:1 for large
     * text (24 px, or 18.66 px bold). Backgrounds are the nearest opaque ancestor's colour.
     */
    @SuppressWarnings("unchecked")
    List<String> contrastFailures() {
        return (List<String>) script("""
                const lum = (c) => {
                  const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
                    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                };
                const alpha = (c) => { const p = c.match(/[\\d.]+/g); return p.length > 3 ? Number(p[3]) : 1; };
                const background = (el) => {
                  for (let e = el; e; e = e.parentElement) {
                    const bg = getComputedStyle(e).backgroundColor;
                    if (alpha(bg) === 1) return bg;
                  }
                  return 'rgb(255, 255, 255)';
                };
                const out = [];
                for (const el of document.querySelectorAll('body *')) {
                  const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join('');
                  if (!text || !el.getClientRects().length) continue;
                  const style = getComputedStyle(el);
                  if (style.visibility === 'hidden' || el.closest('[hidden]')) continue;
                  const a = lum(style.color), b = lum(background(el));
                  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
                  const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                  if (ratio < needed) out.push(ratio.toFixed(2) + ' < ' + needed + ': "' + text.slice(0, 40) + '" ' + style.color);
                }
                return out;""");
    }

    /** Takes the browser off the network (DevTools' offline emulation: fetches and new sockets fail) or back on. */
    void network(boolean online) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The whole page, for a person to look at (the window grows to the page's height for the shot). */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Dimension was = driver.manage().window().getSize();
        long height = (Long) script("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(was.getWidth(), (int) Math.min(height + 140, 6000)));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        driver.manage().window().setSize(was);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /**
     * What the browser's console said at SEVERE (script errors, CSP violations, failed loads), but for
     * the test's own refused requests.
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(message -> refusedOnPurpose.stream().noneMatch(message::startsWith)).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
