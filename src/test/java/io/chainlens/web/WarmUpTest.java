package io.chainlens.web;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ExecutionGraphQlService;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** A stop ends the background warm-up at once, quietly, before the database closes. */
@ExtendWith(OutputCaptureExtension.class)
class WarmUpTest {

	@Test
	void aStopEndsARunningWarmUpAtOnceInOneLineWithoutAWarning(CapturedOutput output) throws Exception {
		CountDownLatch querying = new CountDownLatch(1);
		// a query that takes a minute unless its thread is interrupted, as the Neo4j
		// driver's are
		ExecutionGraphQlService slowDatabase = request -> Mono.fromCallable(() -> {
			querying.countDown();
			Thread.sleep(Duration.ofMinutes(1).toMillis());
			return null;
		});
		WarmUp warmUp = new WarmUp(slowDatabase);
		warmUp.start();
		warmUp.warmUp();
		assertThat(querying.await(10, TimeUnit.SECONDS)).isTrue();

		long started = System.nanoTime();
		warmUp.stop();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		assertThat(warmUp.isRunning()).isFalse();
		assertThat(output).contains("Warm-up ended by the stop").doesNotContain("WARN").doesNotContain("\tat ");
	}

	@Test
	void noWarmUpStartsOnceTheAppIsStopping() {
		AtomicInteger requests = new AtomicInteger();
		WarmUp warmUp = new WarmUp(request -> {
			requests.incrementAndGet();
			return Mono.empty();
		});
		warmUp.start();
		warmUp.stop();

		warmUp.warmUp();

		assertThat(requests).hasValue(0);
	}

	@Test
	void stopsAfterTheWebServer() {
		assertThat(new WarmUp(request -> Mono.empty()).getPhase()).isLessThan(
				org.springframework.boot.web.server.context.WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
	}

}
