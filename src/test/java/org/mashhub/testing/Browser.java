package org.mashhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver), signing in through
 * the real Keycloak page.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getProperty("mash.test.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("mash.test.chromedriver", "/usr/bin/chromedriver"));

	private final WebDriver driver;

	private final WebDriverWait wait;

	private final String appUrl;

	private Browser(WebDriver driver, String appUrl) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		this.appUrl = appUrl;
	}

	/**
	 * Opens a browser on the app. Without Chromium the test is skipped on a developer's
	 * machine and fails in CI, where .ci/run installs it.
	 */
	public static Browser open(int appPort) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER);
		}
		assumeTrue(installed,
				"Chromium is not installed (apt-get install chromium chromium-driver): browser test skipped");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		try {
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--window-size=1280,1024",
					"--user-data-dir=" + Files.createTempDirectory("mash-hub-chromium"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		return new Browser(new ChromeDriver(service, options), "http://localhost:" + appPort);
	}

	/**
	 * Opens a page of the app (or the sign-in it sends the browser to) and waits for it.
	 */
	public Browser visit(String path) {
		this.driver.get(this.appUrl + path);
		pageLoaded();
		return this;
	}

	/** Fills in the Keycloak sign-in page that the app sent the browser to. */
	public Browser signInAs(String username) {
		field("username").sendKeys(username);
		field("password").sendKeys(org.mashhub.LocalMashHub.DEMO_PASSWORD);
		follow(this.driver.findElement(By.id("kc-login")));
		return this;
	}

	/**
	 * A form field or control on the page as it stands, once it can be used: for typing
	 * and for clicks that stay on the page (a radio button, a checkbox, an option).
	 */
	public WebElement field(String id) {
		return usable(By.id(id));
	}

	/** The same, found by CSS (an option of a select, a row's control). */
	public WebElement control(String cssSelector) {
		return usable(By.cssSelector(cssSelector));
	}

	/**
	 * Present and enabled: GOV.UK radios and checkboxes draw their own box over an input
	 * they make transparent, so "visible" would never come.
	 */
	private WebElement usable(By locator) {
		return this.wait.until((driver) -> driver.findElements(locator)
			.stream()
			.filter(WebElement::isEnabled)
			.findFirst()
			.orElse(null));
	}

	/**
	 * Clicks something that loads another page (a link, a form's button) and waits until
	 * the new page has loaded: nothing after it can look at the old one.
	 */
	public void follow(WebElement element) {
		WebElement page = this.driver.findElement(By.tagName("html"));
		this.wait.until(ExpectedConditions.elementToBeClickable(element)).click();
		this.wait.until(ExpectedConditions.stalenessOf(page));
		pageLoaded();
	}

	public boolean isOnKeycloakSignInPage() {
		this.wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("username")),
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test]"))));
		return this.driver.getCurrentUrl().startsWith(IntegrationStack.keycloak().issuer())
				&& !this.driver.findElements(By.id("kc-login")).isEmpty();
	}

	public String text(String dataTest) {
		return this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='" + dataTest + "']")))
			.getText();
	}

	/**
	 * Clicks the button or link marked {@code data-test} and waits for the page it loads.
	 */
	public void click(String dataTest) {
		follow(this.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='" + dataTest + "']"))));
	}

	/**
	 * Waits until the page has loaded and, for a page of the app, checks it against WCAG
	 * 2.2 AA with axe-core: a violation fails the test that visited the page.
	 */
	private void pageLoaded() {
		this.wait.until((driver) -> "complete"
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
		String url = this.driver.getCurrentUrl();
		if (url != null && url.startsWith(this.appUrl)) {
			Accessibility.check(this.driver);
		}
	}

	/**
	 * Saves what the browser shows to target/screenshots/NAME.png, for people to look at.
	 */
	public void screenshot(String name) {
		try {
			Path file = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public WebDriver driver() {
		return this.driver;
	}

	public WebDriverWait await() {
		return this.wait;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
