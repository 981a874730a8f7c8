package io.chainlens.database;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.chainlens.ChainlensApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop (SIGTERM or Ctrl-C closes the context, as here) takes seconds, even while the
 * start's warm-up queries run, and logs no stack trace: the web server stops, then the
 * warm-up, then the driver and the database.
 */
@ExtendWith(OutputCaptureExtension.class)
class CleanStopTest {

	@TempDir
	Path dataDir;

	@Test
	void aStopDuringTheWarmUpTakesSecondsAndLogsNoStackTrace(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(ChainlensApplication.class).run(
				"--chainlens.neo4j.data-dir=" + dataDir, "--chainlens.neo4j.bolt-port=0",
				"--chainlens.neo4j.page-cache=32m", "--server.port=0", "--server.address=127.0.0.1");
		assertThat(output).contains("chainlens is ready. Open:");
		assertThat(warmUpRunning()).as("the warm-up runs after the start").isTrue();
		int before = output.length();

		long started = System.nanoTime();
		app.close();
		Duration stop = Duration.ofNanos(System.nanoTime() - started);

		String stopLog = output.toString().substring(before);
		// the Bolt server alone waited 10 s before (two quiet periods of 5 s); the bound
		// leaves room for a loaded machine
		assertThat(stop).isLessThan(Duration.ofSeconds(8));
		assertThat(stopLog).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain(" ERROR ");
		assertThat(stopLog.indexOf("Graceful shutdown complete")).isNotNegative()
			.isLessThan(stopLog.indexOf("Embedded Neo4j stopped"));
		assertThat(warmUpRunning()).isFalse();
	}

	private static boolean warmUpRunning() {
		return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("chainlens-warm-up"));
	}

}
