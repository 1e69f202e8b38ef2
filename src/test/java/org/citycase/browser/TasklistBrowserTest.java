package org.citycase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestCases;
import org.citycase.TestUsers;
import org.citycase.engine.CaseLifecycle.Task;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A department user in a real browser (Debian's headless Chromium): logs into Tasklist, sees the task
 * dispatched to the department and not another department's, and completes it through its form.
 * Without Chromium and its driver the test is reported as skipped and says so; {@code .ci/run}
 * installs both ({@code apt-get install chromium chromium-driver}).
 */
@CitycaseSpringTest
class TasklistBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService tasks;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
        TestUsers.ensure(identity);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        HeadlessChromium.stop(browser, "tasklist-browser-test");
    }

    @Test
    void departmentUserSeesOnlyItsOwnTaskAndAcknowledgesItThroughTheForm() {
        String ours = dispatchedTo("WATER");
        String theirs = dispatchedTo("ROADS");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("input[ng-model='username']")));
        user.sendKeys(TestUsers.WATER);
        browser.findElement(By.cssSelector("input[ng-model='password']"))
                .sendKeys(TestUsers.password(TestUsers.WATER));
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.task")));
        openFilter(wait, "我的组待办");
        List<WebElement> listed = browser.findElements(By.cssSelector("li.task"));

        assertThat(listed).as("the water company's one task, not the roads office's").hasSize(1);
        assertThat(listed.get(0).getText()).contains("签收");
        listed.get(0).findElement(By.cssSelector("a")).click();
        wait.until(driver -> inputValues().contains(ours));
        assertThat(inputValues()).contains("示范市自来水公司").doesNotContain(theirs);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("案件信息", "签收");
        wait.until(ExpectedConditions.elementToBeClickable(clickable("Claim"))).click();
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(clickable("Complete")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", complete);
        complete.click();

        wait.until(driver -> tasks.createTaskQuery().processInstanceBusinessKey(ours)
                .taskDefinitionKey(Task.HANDLE).count() == 1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ours).taskDefinitionKey(Task.ACKNOWLEDGE)
                .count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(theirs).singleResult().getTaskDefinitionKey())
                .isEqualTo(Task.ACKNOWLEDGE);
    }

    private static By clickable(String text) {
        return By.xpath("//*[self::a or self::button][normalize-space(.)='" + text + "']");
    }

    /** The values of every input on the page: the form's read-only fields show the case this way. */
    @SuppressWarnings("unchecked")
    private List<String> inputValues() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('input, textarea')).map(i => i.value);");
    }

    private void openFilter(WebDriverWait wait, String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'filters')]//*[contains("
                + "normalize-space(), '" + name + "')]"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.task")));
    }

    private String dispatchedTo(String department) {
        return TestCases.dispatched(intake, tasks, new ReportRequest(Source.SUPERVISOR, "E0102", "公交站台旁暴露垃圾",
                "东城区公园路12号", 120.633, 31.318, false, null, List.of()), department);
    }
}
