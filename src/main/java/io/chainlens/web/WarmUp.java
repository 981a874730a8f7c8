package io.chainlens.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Runs typical queries once after start, in the background: Neo4j plans a query slowly
 * the first time (seconds), and the first user should not be the one who pays for it.
 */
@Component
@ConditionalOnProperty(name = "chainlens.warm-up", havingValue = "true", matchIfMissing = true)
class WarmUp {

	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	private final ExecutionGraphQlService graphQl;

	WarmUp(ExecutionGraphQlService graphQl) {
		this.graphQl = graphQl;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread thread = new Thread(this::run, "chainlens-warm-up");
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
			if (response != null && !response.getErrors().isEmpty()) {
				log.warn("Warm-up queries answered with errors: {}", response.getErrors());
			}
			log.info("Warm-up queries ran in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		catch (Exception ex) {
			// a failed warm-up costs the first user some latency, nothing more
			log.warn("Warm-up queries failed: {}", ex.getMessage());
		}
	}

}
