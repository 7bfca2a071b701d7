package app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.http.ClientConfig;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport;
import app.platform.operations.StompTestClient;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;

/**
 * The web page in a real browser (headless Chromium driven through the system's chromedriver): a new user signs up,
 * generates a blog post, watches the progress bar advance through live messages and the notification arrive through
 * the notification stream, opens the post and sees a collaborator join and leave it, and charts a competitor tracker
 * (sample rankings, labelled as such), all without reloading; the page's main controls fit a phone's screen; and the tracker
 * chart draws ranking snapshots of the research API's shape.
 */
@PlatformIntegrationTest
class BrowserJourneyTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.headless();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void startSignedOut() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(base() + "/");
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        waitFor("the page to start signed out", () -> "true".equals(browser.executeScript(
                "return document.body.dataset.ready")) && byId("log-in-form").isDisplayed());
    }

    @Test
    void aNewUserGeneratesABlogPostSeesProgressAndNotificationLiveSeesWhoElseEditsItAndChartsATracker() {
        browser.executeScript("window.loadedOnce = 'yes'");

        type("sign-up-name", "Browser User");
        type("sign-up-email", "browser-" + UUID.randomUUID() + "@example.com");
        type("sign-up-password", TestUsers.PASSWORD);
        byId("sign-up-submit").click();

        waitFor("the workspace after sign-up", () -> byId("generate-form").isDisplayed());
        waitFor("the notification stream to open", () -> "open".equals(byId("stream-state").getDomAttribute(
                "data-state")));
        waitFor("the live connection to be up", () -> "online".equals(byId("live-state").getDomAttribute(
                "data-state")));

        type("topic", "trail running");
        type("keywords", "cadence, hills");
        byId("generate-submit").click();

        WebElement progress = byId("generation-progress");
        waitFor("the generation to complete", () -> "COMPLETED".equals(progress.getDomAttribute("data-status")));
        List<Integer> seen = Arrays.stream(progress.getDomAttribute("data-progress-log").split(","))
                .map(Integer::valueOf).toList();
        assertThat(seen).as("progress values the page showed, in order").hasSizeGreaterThanOrEqualTo(2)
                .isSorted().doesNotHaveDuplicates().endsWith(100);
        assertThat(progress.getDomAttribute("data-progress-source")).as("fed by live messages, not polling")
                .isEqualTo("stomp");
        assertThat(progress.getDomProperty("value")).isEqualTo("100");
        waitFor("the generated post to be shown", () -> byId("generation-result").isDisplayed()
                && byId("generation-result").getText().contains("Trail running"));

        By streamedNotice = By.cssSelector("#notifications li[data-source='stream'][data-type='library.content.saved']");
        waitFor("the notification through the stream", () -> !browser.findElements(streamedNotice).isEmpty());
        assertThat(browser.findElement(streamedNotice).getText()).isNotBlank();
        waitFor("the post in the library list", () -> byId("library-items").getText().contains("Trail running"));
        screenshot("journey.png");

        String itemId = progress.getDomAttribute("data-generation-id");
        TestUser colleague = TestUsers.signUpAndLogIn(base());
        String ownToken = (String) browser.executeScript(
                "return JSON.parse(sessionStorage.getItem('app.session')).accessToken");
        assertThat(HttpClientSupport.send("POST", base() + "/api/v1/library/items/" + itemId + "/collaborators",
                "{\"email\":\"%s\"}".formatted(colleague.email()), "Authorization", "Bearer " + ownToken).status())
                .as("the colleague added as a collaborator").isEqualTo(201);
        browser.findElement(By.cssSelector("#library-items li[data-id='" + itemId + "'] button")).click();
        waitFor("the item's topic to be followed", () -> "subscribed".equals(byId("item-editor").getDomAttribute(
                "data-live")));
        assertThat(byId("presence").getText()).isEqualTo("Nobody else is editing.");

        try (StompTestClient other = StompTestClient.connect(port, colleague.accessToken())) {
            assertThat(other.subscribe("/topic/library/items/" + itemId).accepted()).isTrue();
            waitFor("the colleague shown as editing", () -> byId("presence").getText().equals(
                    "Also editing: Test User"));
            screenshot("editing.png");
        }
        waitFor("the colleague gone", () -> byId("presence").getText().equals("Nobody else is editing."));

        type("tracker-keyword", "trail shoes");
        type("tracker-competitors", "rival.example, other.example");
        browser.findElement(By.cssSelector("#tracker-form button[type='submit']")).click();
        waitFor("the new tracker's chart", () -> byId("tracker-chart").isDisplayed()
                && byId("tracker-chart-plot").getDomAttribute("data-points") != null);
        byId("tracker-refresh").click();
        waitFor("a ranking on the chart", () -> Integer.parseInt(byId("tracker-chart-plot").getDomAttribute(
                "data-points")) >= 1);
        assertThat(byId("tracker-chart-caption").getText()).contains("trail shoes", "sample data");
        assertThat(browser.findElements(By.cssSelector("#tracker-chart-plot polyline"))).isNotEmpty();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", byId("tracker-chart"));
        screenshot("tracker.png");

        assertThat(browser.executeScript("return window.loadedOnce")).as("the page was never reloaded")
                .isEqualTo("yes");
    }

    @Test
    void onAPhoneScreenTheMainControlsAreShownAndFitTheWidth() {
        browser.manage().window().setSize(new Dimension(390, 844));
        int width = viewportWidth();

        for (String control : List.of("log-in-email", "log-in-password", "log-in-submit", "sign-up-submit")) {
            assertFits(control, width);
        }
        String email = "phone-" + UUID.randomUUID() + "@example.com";
        String signUp = "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Phone User\"}".formatted(email,
                TestUsers.PASSWORD);
        assertThat(HttpClientSupport.send("POST", base() + "/api/v1/users", signUp).status()).isEqualTo(201);
        type("log-in-email", email);
        type("log-in-password", TestUsers.PASSWORD);
        byId("log-in-submit").click();
        waitFor("the workspace after log-in", () -> byId("generate-form").isDisplayed());

        for (String control : List.of("content-type", "topic", "generate-submit", "generation-progress",
                "notifications-title", "library-title", "log-out")) {
            assertFits(control, width);
        }
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .as("no horizontal scrolling").isLessThanOrEqualTo(width);
        screenshot("phone.png");
    }

    @Test
    void theTrackerChartDrawsOneLineForTheUserAndEachCompetitorWithTheFirstPlaceOnTop() {
        Object drawn = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/chart.js').then(({ drawRankingChart }) => {
                  const plot = document.createElement('div');
                  plot.id = 'chart-under-test';
                  document.body.append(plot);
                  const snapshots = [
                    { at: '2026-11-27T12:00:00Z', source: 'sample', ownPosition: 1,
                      competitors: [{ name: 'rival.example', position: 4, price: 10 }] },
                    { at: '2026-11-27T11:00:00Z', source: 'sample', ownPosition: 3,
                      competitors: [{ name: 'rival.example', position: 2, price: 11 }] },
                    { at: '2026-11-27T10:00:00Z', source: 'sample', ownPosition: null, competitors: [] }];
                  done(drawRankingChart(plot, snapshots, 'Ranking positions'));
                }, error => done(String(error)));
                """);

        assertThat(drawn).as("points drawn (a snapshot without positions is left out)").isEqualTo(2L);
        List<WebElement> lines = browser.findElements(By.cssSelector("#chart-under-test polyline"));
        assertThat(lines).extracting(line -> line.getDomAttribute("data-series"))
                .containsExactly("You", "rival.example");
        assertThat(lastY(lines.get(0))).as("the user, now first, ends at the top")
                .isLessThan(lastY(lines.get(1)));
        assertThat(byId("chart-under-test").getText()).contains("You: #1", "rival.example: #4");
    }

    private static double lastY(WebElement polyline) {
        String[] points = polyline.getDomAttribute("points").split(" ");
        return Double.parseDouble(points[points.length - 1].split(",")[1]);
    }

    private void assertFits(String id, int width) {
        WebElement control = byId(id);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", control);
        Rectangle box = control.getRect();
        assertThat(control.isDisplayed()).as("%s shown", id).isTrue();
        assertThat(box.getX()).as("%s inside the screen", id).isGreaterThanOrEqualTo(0);
        assertThat(box.getX() + box.getWidth()).as("%s inside the screen", id).isLessThanOrEqualTo(width);
        assertThat(control.getAccessibleName()).as("%s has an accessible name", id).isNotBlank();
    }

    private int viewportWidth() {
        return ((Long) browser.executeScript("return document.documentElement.clientWidth")).intValue();
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits for a condition of the page; on timeout fails with a screenshot and the browser's console. */
    private void waitFor(String what, Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(condition);
        }
        catch (ConditionTimeoutException timeout) {
            Path shot = screenshot("failure-" + what.replaceAll("\\W+", "-") + ".png");
            throw new AssertionError("Timed out waiting for " + what + "; screenshot " + shot + "; status: "
                    + browser.findElement(By.id("message")).getText() + "; browser console:\n" + console(), timeout);
        }
    }

    private String console() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString)
                .collect(Collectors.joining("\n"));
    }

    private Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name);
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            return file;
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot save the screenshot " + name, e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Headless Chromium through the system's chromedriver, never a downloaded one. */
    static final class Chromium {

        private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

        static ChromeDriver headless() {
            Path binary = find(System.getProperty("chromium.binary"), BROWSERS);
            Path driver = find(System.getProperty("chromedriver.path"), List.of("chromedriver"));
            if (binary == null || driver == null) {
                throw new IllegalStateException("The browser tests need Chromium and chromedriver on the PATH "
                        + "(Debian: apt-get install chromium chromium-driver; .ci/run installs them), or their paths in "
                        + "-Dchromium.binary and -Dchromedriver.path. Found browser: " + binary + ", driver: " + driver);
            }
            ChromeOptions options = new ChromeOptions().setBinary(binary.toFile()).addArguments("--headless=new",
                    "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900");
            options.setPageLoadTimeout(PATIENCE);
            options.setScriptTimeout(PATIENCE);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                    .usingAnyFreePort().build();
            // Each command to the driver is bounded too: a page load or script answers within PATIENCE.
            ClientConfig commands = ClientConfig.defaultConfig().connectionTimeout(HttpClientSupport.CONNECT_TIMEOUT)
                    .readTimeout(PATIENCE.multipliedBy(2));
            return new ChromeDriver(service, options, commands);
        }

        private static Path find(String configured, List<String> names) {
            if (configured != null && !configured.isBlank()) {
                Path path = Path.of(configured);
                return Files.isExecutable(path) ? path : null;
            }
            for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                for (String name : names) {
                    Path candidate = Path.of(directory, name);
                    if (Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
            return null;
        }
    }
}
