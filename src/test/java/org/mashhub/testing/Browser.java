package org.mashhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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

	public Browser visit(String path) {
		this.driver.get(this.appUrl + path);
		return this;
	}

	/** Fills in the Keycloak sign-in page that the app sent the browser to. */
	public Browser signInAs(String username) {
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(org.mashhub.LocalMashHub.DEMO_PASSWORD);
		this.driver.findElement(By.id("kc-login")).click();
		return this;
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

	public void click(String dataTest) {
		this.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='" + dataTest + "']")))
			.click();
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
