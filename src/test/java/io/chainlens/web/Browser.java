package io.chainlens.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The system's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}),
 * driven by Selenium, one per test class. Both paths are given so that Selenium Manager
 * never looks for (or downloads) a browser. Without them the class is skipped, unless
 * {@code CHAINLENS_BROWSER_TESTS=required} (as {@code .ci/run} sets it), when it fails.
 * After every test a screenshot is kept under {@code target/browser-screenshots/}.
 */
final class Browser implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	static final Duration WAIT = Duration.ofSeconds(30);

	private ChromeDriver driver;

	private Path profile;

	private Path downloads;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String missing = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (Debian packages chromium and chromium-driver; .ci/run installs them)";
			if ("required".equals(System.getenv("CHAINLENS_BROWSER_TESTS"))) {
				throw new IllegalStateException(missing + ", and CHAINLENS_BROWSER_TESTS=required");
			}
			Assumptions.abort(missing + ": skipped");
		}
		forgetScreenshots(context.getRequiredTestClass().getSimpleName() + "-");
		this.profile = Files.createTempDirectory(Path.of("target"), "browser-profile-");
		this.downloads = Files.createTempDirectory(Path.of("target"), "browser-downloads-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + this.profile.toAbsolutePath(),
				"--window-size=1600,1000", "--lang=zh-CN");
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", this.downloads.toAbsolutePath().toString(),
						"download.prompt_for_download", false, "download.directory_upgrade", true));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	/**
	 * Screenshots of an earlier run would pass for this one's, a failure's among them.
	 */
	private static void forgetScreenshots(String prefix) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		try (Stream<Path> files = Files.list(SCREENSHOTS)) {
			files.filter(f -> f.getFileName().toString().startsWith(prefix)).forEach(Browser::deleteFile);
		}
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (this.driver == null) {
			return;
		}
		String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
				+ (context.getExecutionException().isPresent() ? "-failed" : "") + ".png";
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
		delete(this.profile);
		delete(this.downloads);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	WebDriverWait waiting() {
		return new WebDriverWait(this.driver, WAIT);
	}

	@SuppressWarnings("unchecked")
	<T> T script(String script, Object... arguments) {
		return (T) ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Console messages since the last call. */
	List<LogEntry> console() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll();
	}

	/** A file that appears, complete, in the download folder. */
	Path download(String fileName) {
		Path file = this.downloads.resolve(fileName);
		return waiting().withMessage("a download named " + fileName)
			.until(d -> Files.isRegularFile(file) && !Files.exists(this.downloads.resolve(fileName + ".crdownload"))
					? file : null);
	}

	/** The only completed download whose name ends so, once there is one. */
	Path downloadEndingWith(String suffix) {
		return waiting().withMessage("a download ending with " + suffix).until(d -> {
			try (Stream<Path> files = Files.list(this.downloads)) {
				List<Path> done = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
				return done.size() == 1 ? done.get(0) : null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	void clearDownloads() {
		try (Stream<Path> files = Files.list(this.downloads)) {
			files.forEach(Browser::deleteFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path folder) {
		if (folder == null) {
			return;
		}
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteFile(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
