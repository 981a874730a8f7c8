package io.chainlens.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP requests (configuration {@code chainlens.http}).
 *
 * @param maxBody the largest request body taken; a larger one is refused with HTTP 413
 * before anything reads it
 */
@ConfigurationProperties("chainlens.http")
record HttpSettings(@DefaultValue("1MB") DataSize maxBody) {

	HttpSettings {
		if (maxBody.toBytes() < 1 || maxBody.toBytes() > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(
					"chainlens.http.max-body must be between 1B and 2GB, e.g. 1MB; not " + maxBody);
		}
	}

}
