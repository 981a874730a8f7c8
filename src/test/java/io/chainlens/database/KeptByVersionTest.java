package io.chainlens.database;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Values kept by the graph's version, and one computation for callers asking for the same
 * key at once.
 */
class KeptByVersionTest {

	static final Optional<GraphState.Version> V1 = Optional.of(new GraphState.Version("e", 1, 1));

	static final Optional<GraphState.Version> V2 = Optional.of(new GraphState.Version("e", 2, 2));

	final KeptByVersion<String, String> kept = new KeptByVersion<>(4);

	final ExecutorService pool = Executors.newFixedThreadPool(4);

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	@Test
	void keepsAValueWhileTheVersionIsUnchangedAndComputesAgainAfterAWrite() {
		AtomicInteger computed = new AtomicInteger();
		assertThat(kept.get(V1, "matrix", () -> "a" + computed.incrementAndGet())).isEqualTo("a1");
		assertThat(kept.get(V1, "matrix", () -> "a" + computed.incrementAndGet())).isEqualTo("a1");
		assertThat(kept.get(V2, "matrix", () -> "a" + computed.incrementAndGet())).isEqualTo("a2");
		assertThat(kept.get(Optional.empty(), "matrix", () -> "a" + computed.incrementAndGet())).isEqualTo("a3");
	}

	@Test
	void callersAskingForAKeyBeingComputedWaitForItInsteadOfComputingItAgain() throws Exception {
		AtomicInteger computed = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		Future<String> first = computing(V1, release, () -> "cells" + computed.incrementAndGet());
		Future<String> second = pool.submit(() -> kept.get(V1, "matrix", () -> "cells" + computed.incrementAndGet()));
		Future<String> third = pool.submit(() -> kept.get(V1, "matrix", () -> "cells" + computed.incrementAndGet()));
		Thread.sleep(200);
		assertThat(second.isDone()).as("waiting for the first").isFalse();
		release.countDown();

		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("cells1");
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("cells1");
		assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo("cells1");
		assertThat(computed).hasValue(1);
	}

	@Test
	void aCallerAtALaterVersionDoesNotWaitForAComputationOfAnEarlierOne() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Future<String> old = computing(V1, release, () -> "old");

		assertThat(kept.get(V2, "matrix", () -> "new")).isEqualTo("new");
		release.countDown();
		assertThat(old.get(5, TimeUnit.SECONDS)).isEqualTo("old");
		assertThat(kept.get(V2, "matrix", () -> "computed again")).as("the later value stays kept").isEqualTo("new");
	}

	@Test
	void whenTheComputationWaitedForFailsTheWaiterComputesTheValueItself() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Future<String> failing = computing(V1, release, () -> {
			throw new IllegalStateException("the first caller's budget ran out");
		});
		Future<String> waiting = pool.submit(() -> kept.get(V1, "matrix", () -> "its own"));
		Thread.sleep(200);
		assertThat(waiting.isDone()).as("waiting for the first").isFalse();
		release.countDown();

		assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("its own");
		assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS))
			.hasRootCauseMessage("the first caller's budget ran out");
		assertThat(kept.get(V1, "matrix", () -> "again")).isEqualTo("its own");
	}

	// a computation of the key at a version, started on the pool, that gives its value
	// only once released
	private Future<String> computing(Optional<GraphState.Version> version, CountDownLatch release,
			Supplier<String> value) throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		Future<String> result = pool.submit(() -> kept.get(version, "matrix", () -> {
			started.countDown();
			await(release);
			return value.get();
		}));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		return result;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
