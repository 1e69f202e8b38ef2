package org.citycase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestCases;
import org.citycase.TestPoints;
import org.citycase.TestUsers;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A department's clerk in a real browser (Debian's headless Chromium) on the inbox page: a wrong password is
 * refused on the page; the right one lists the department's 21 open tasks, the urgent one first, 20 to a page,
 * each linked to Tasklist; a claim shows on refresh; "只看已超时" leaves what is past due; the link opens the
 * task's form in Tasklist. 通信管线运维中心 is used by this test alone. Without Chromium and its driver the test
 * is reported as skipped and says so.
 */
@CitycaseSpringTest
class InboxPageBrowserTest {

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
        ClockUtil.reset();
        HeadlessChromium.stop(browser, "inbox-browser-test");
    }

    @Test
    void aClerkSeesTheDepartmentsTasksSoonestDueFirstPagesThroughThemAndFiltersTheOverdue() {
        List<String> ordinary = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ordinary.add(dispatched(false));
        }
        String urgent = dispatched(true);
        // a refresh replaces the table's rows, so a check that reads them while it does starts again
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        browser.get("http://localhost:" + port + "/inbox");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button")));

        logIn("t-inbox-nobody", "wrong");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "用户名或密码错误"));
        assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();

        logIn(TestUsers.TELECOM, TestUsers.password(TestUsers.TELECOM));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total"), "示范市通信管线运维中心：共 21 件待办"));
        assertThat(rows()).hasSize(20);
        assertThat(cells("case").get(0)).isEqualTo(urgent);
        assertThat(cells("stage").get(0)).isEqualTo("签收（紧急）");
        assertThat(cells("category").get(0)).isEqualTo("通信井盖");
        assertThat(cells("due").get(0)).startsWith("剩余");
        assertThat(cells("assignee").get(0)).isEqualTo("未认领");
        assertThat(rows().get(0).findElement(By.cssSelector(".light")).getAttribute("class")).contains("GREEN");
        String urgentTask = taskOf(urgent);
        assertThat(rows().get(0).findElement(By.cssSelector("td.open a")).getAttribute("href"))
                .endsWith("/camunda/app/tasklist/default/#/?task=" + urgentTask);
        assertThat(cells("case").subList(1, 20)).isSubsetOf(ordinary);
        assertThat(browser.findElement(By.id("page")).getText()).isEqualTo("第 1 / 2 页");

        browser.findElement(By.id("next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page"), "第 2 / 2 页"));
        assertThat(rows()).hasSize(1);
        assertThat(ordinary).contains(cells("case").get(0));
        assertThat(browser.findElement(By.id("next")).isEnabled()).isFalse();

        browser.findElement(By.id("previous")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page"), "第 1 / 2 页"));
        tasks.claim(urgentTask, TestUsers.TELECOM);
        browser.findElement(By.id("refresh")).click();
        wait.until(driver -> TestUsers.TELECOM.equals(cells("assignee").get(0)));

        Date urgentDue = tasks.createTaskQuery().taskId(urgentTask).singleResult().getDueDate();
        ClockUtil.setCurrentTime(new Date(urgentDue.getTime() + 60_000));
        browser.findElement(By.id("overdue")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total"), "共 1 件已超时"));
        assertThat(cells("case")).containsExactly(urgent);
        assertThat(cells("due")).as("time left is counted on the server's clock").containsExactly("超时 1 分");
        assertThat(browser.findElement(By.id("page")).getText()).isEqualTo("第 1 / 1 页");

        String link = rows().get(0).findElement(By.cssSelector("td.open a")).getAttribute("href");
        browser.get(link);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']")))
                .sendKeys(TestUsers.TELECOM);
        browser.findElement(By.cssSelector("input[ng-model='password']"))
                .sendKeys(TestUsers.password(TestUsers.TELECOM));
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.task")));
        browser.get(link);
        wait.until(driver -> inputValues().contains(urgent));
    }

    /** The values of every input in Tasklist: its forms show the case in read-only fields. */
    @SuppressWarnings("unchecked")
    private List<String> inputValues() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('input, textarea')).map(i => i.value);");
    }

    private String dispatched(boolean urgent) {
        double[] point = TestPoints.south();
        return TestCases.dispatched(intake, tasks, new ReportRequest(Source.SUPERVISOR, "C0107", "通信井盖破损",
                "南湖区湖滨路", point[0], point[1], urgent, null, List.of()), "TELECOM");
    }

    private String taskOf(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    private void logIn(String user, String password) {
        WebElement name = browser.findElement(By.id("user"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-button")).click();
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#tasks tbody tr"));
    }

    private List<String> cells(String className) {
        return browser.findElements(By.cssSelector("#tasks tbody td." + className)).stream()
                .map(WebElement::getText).toList();
    }
}
