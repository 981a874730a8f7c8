package io.chainlens.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Runs typical queries once after start, in the background: Neo4j plans a query slowly
 * the first time (seconds), and the first user should not be the one who pays for it.
 * <p>
 * A stop ends it: the warm-up is no one's request, and left running it would hold the
 * stop for its whole length (seconds) or fail against a closed driver with a stack trace
 * per query. It stops after the web server, and before the driver and the database close
 * (they are destroyed after every lifecycle has stopped).
 */
@Component
@ConditionalOnProperty(name = "chainlens.warm-up", havingValue = "true", matchIfMissing = true)
class WarmUp implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	/** Below the web server's phases: stopped after it. */
	static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;

	/**
	 * How long a stop waits for the warm-up to end once interrupted; the driver answers
	 * an interrupt at once by closing the query's connection, so this is only a bound.
	 */
	private static final Duration STOP_WAIT = Duration.ofSeconds(3);

	private final ExecutionGraphQlService graphQl;

	private boolean running;

	private Thread thread;

	WarmUp(ExecutionGraphQlService graphQl) {
		this.graphQl = graphQl;
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void warmUp() {
		// a stop that came first (the start's ready event is published after the context
		// is refreshed, when a shutdown hook may already have stopped it) leaves nothing
		// to warm
		if (!running || thread != null) {
			return;
		}
		thread = new Thread(this::run, "chainlens-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	private void run() {
		long started = System.nanoTime();
		try {
			String document = new ClassPathResource("warm-up.graphql").getContentAsString(StandardCharsets.UTF_8);
			var request = new DefaultExecutionGraphQlRequest(document, null, null, null, "warm-up", null);
			// no client waits: the queries it plans are worth the time a loaded start
			// takes
			request.configureExecutionInput(
					(input, builder) -> builder.graphQLContext(Map.of(RequestBudget.NO_TIME_BUDGET, true)).build());
			var response = graphQl.execute(request).block();
			if (stopping()) {
				log.info("Warm-up ended by the stop");
				return;
			}
			if (response != null && !response.getErrors().isEmpty()) {
				log.warn("Warm-up queries answered with errors: {}", response.getErrors());
			}
			// after the start's last lines (the addresses to open), so not at INFO
			log.debug("Warm-up queries ran in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		catch (Exception ex) {
			if (stopping()) {
				log.info("Warm-up ended by the stop");
			}
			else {
				// a failed warm-up costs the first user some latency, nothing more
				log.warn("Warm-up queries failed: {}", ex.getMessage());
			}
		}
	}

	private synchronized boolean stopping() {
		return !running;
	}

	@Override
	public synchronized void start() {
		running = true;
	}

	@Override
	public void stop() {
		Thread warming;
		synchronized (this) {
			running = false;
			warming = thread;
		}
		if (warming == null || !warming.isAlive()) {
			return;
		}
		// the Neo4j driver ends a query whose thread is interrupted by closing its
		// connection,
		// which ends the query's transaction in the database
		warming.interrupt();
		try {
			warming.join(STOP_WAIT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (warming.isAlive()) {
			log.info("The warm-up did not end within {} s of the stop; the database closes anyway",
					STOP_WAIT.toSeconds());
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
