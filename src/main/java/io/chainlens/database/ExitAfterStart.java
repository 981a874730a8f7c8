package io.chainlens.database;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The build's training run ({@code chainlens.exit-after-start=true}, pom.xml): the app
 * starts in full, then stops the way a user stops it, so the database shuts down cleanly
 * and its store can be the template of new ones, and the JVM writes its class archive at
 * exit. Spring's own {@code spring.context.exit=onRefresh} halts the JVM without either
 * shutdown.
 */
@Component
@ConditionalOnBooleanProperty("chainlens.exit-after-start")
class ExitAfterStart implements ApplicationListener<ApplicationReadyEvent> {

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		System.exit(SpringApplication.exit(event.getApplicationContext()));
	}

}
