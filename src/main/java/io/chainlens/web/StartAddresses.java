package io.chainlens.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Ends the start's log with the addresses to open, so that whoever started the app finds
 * them as the last lines instead of a port somewhere above.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class StartAddresses {

	private static final Logger log = LoggerFactory.getLogger(StartAddresses.class);

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void log(ApplicationReadyEvent event) {
		log.info(text(event.getApplicationContext().getEnvironment()));
	}

	static String text(Environment environment) {
		String base = "http://" + host(environment) + ":" + environment.getProperty("local.server.port", "8080")
				+ environment.getProperty("server.servlet.context-path", "");
		String managementPort = environment.getProperty("local.management.port");
		String management = (managementPort != null) ? "http://" + host(environment) + ":" + managementPort
				+ environment.getProperty("management.server.base-path", "") : base;
		StringBuilder text = new StringBuilder("chainlens is ready. Open:");
		text.append("\n\tchain map    ").append(base).append("/");
		if (environment.getProperty("spring.graphql.graphiql.enabled", Boolean.class, false)) {
			text.append("\n\tGraphiQL     ").append(base).append("/graphiql");
		}
		text.append("\n\tGraphQL API  ").append(base).append("/graphql (POST)");
		text.append("\n\thealth       ")
			.append(management)
			.append(environment.getProperty("management.endpoints.web.base-path", "/actuator"))
			.append("/health");
		return text.toString();
	}

	/** The address the server listens on, or localhost where it listens on all. */
	private static String host(Environment environment) {
		String address = environment.getProperty("server.address", "");
		if (address.isEmpty() || address.equals("0.0.0.0") || address.equals("::")) {
			return "localhost";
		}
		return address.contains(":") ? "[" + address + "]" : address;
	}

}
