package io.chainlens.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location the folder of the seed data set, e.g. {@code file:./graph-seed}; by
 * default the copy packaged with the app
 * @param loadOnStart load the data set at start when the database is empty
 */
@ConfigurationProperties("chainlens.seed")
public record SeedSettings(@DefaultValue("classpath:graph-seed") String location,
		@DefaultValue("true") boolean loadOnStart) {
}
