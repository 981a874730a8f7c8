package io.chainlens;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ChainlensApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(ChainlensApplication.class, args);
		// a bulk import is a command: it ends when the import has run, with its exit code
		if (context.getEnvironment().containsProperty("chainlens.import.dir")) {
			System.exit(SpringApplication.exit(context));
		}
	}

}
