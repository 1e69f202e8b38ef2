package org.citycase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.citycase.CitycaseSpringTest;
import org.citycase.assessment.AssessmentTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A leader in a real browser (Debian's headless Chromium) on the ranking page: a wrong password is refused on
 * the page, the right one shows May 2025 of the assessment fixture as a ranked table and a bar chart, and another
 * level replaces both. Without Chromium and its driver the test is reported as skipped and says so.
 */
@CitycaseSpringTest
class LeadersPageBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
        AssessmentTestData.ensure(jdbc, identity);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        HeadlessChromium.stop(browser, "leaders-browser-test");
    }

    @Test
    void aLeaderLogsInPicksAMonthAndSeesTheRankingAsATableAndABarChartThenSwitchesLevel() {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.get("http://localhost:" + port + "/leaders/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button")));
        assertThat(browser.findElement(By.id("board")).isDisplayed()).as("no data before a login").isFalse();

        logIn("t-asm-nobody", "wrong");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "用户名或密码错误"));
        assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();

        pickMonth("2025-05");
        logIn(AssessmentTestData.CHIEF, AssessmentTestData.CHIEF_PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "2025-05 专业部门考核排名"));
        wait.until(driver -> !rows().isEmpty());

        assertThat(column("data-code").subList(0, 5))
                .containsExactly("ROADS", "DRAINAGE", "WATER", "SANITATION-EAST", "POWER");
        assertThat(cells("rank").subList(0, 6)).containsExactly("1", "2", "2", "4", "5", "—");
        assertThat(cells("name").get(0)).isEqualTo("示范市市政道路管理处");
        assertThat(cells("score").subList(0, 5)).containsExactly("100.00", "80.00", "80.00", "73.75", "12.50");
        assertThat(cells("grade").subList(0, 5)).containsExactly("A", "B", "B", "C", "E");
        List<WebElement> bars = browser.findElements(By.cssSelector("#chart svg rect.bar"));
        assertThat(bars).extracting(bar -> bar.getAttribute("data-code"))
                .containsExactly("ROADS", "DRAINAGE", "WATER", "SANITATION-EAST", "POWER");
        assertThat(width(bars.get(0))).isGreaterThan(width(bars.get(3))).isGreaterThan(width(bars.get(4)));
        assertThat(width(bars.get(1))).isEqualTo(width(bars.get(2)));

        new Select(browser.findElement(By.id("level"))).selectByVisibleText("街道");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "2025-05 街道考核排名"));
        wait.until(driver -> "990102001".equals(column("data-code").get(0)));

        assertThat(cells("name").subList(0, 3)).containsExactly("文昌街道", "公园街道", "人民街道");
        assertThat(browser.findElements(By.cssSelector("#chart svg rect.bar"))).hasSize(3);
        assertThat(browser.findElement(By.id("ranking")).getText()).contains("结案率(%)", "—");
    }

    private void logIn(String user, String password) {
        WebElement name = browser.findElement(By.id("user"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-button")).click();
    }

    /** Month inputs take typed text differently by locale; the page reads the value, so set it as a user's pick. */
    private void pickMonth(String month) {
        ((JavascriptExecutor) browser).executeScript("const input = document.getElementById('month');"
                + "input.value = arguments[0]; input.dispatchEvent(new Event('change'));", month);
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#ranking tbody tr"));
    }

    private List<String> column(String attribute) {
        return rows().stream().map(row -> row.getAttribute(attribute)).toList();
    }

    private List<String> cells(String className) {
        return browser.findElements(By.cssSelector("#ranking tbody td." + className)).stream()
                .map(WebElement::getText).toList();
    }

    private static double width(WebElement bar) {
        return Double.parseDouble(bar.getAttribute("width"));
    }
}
