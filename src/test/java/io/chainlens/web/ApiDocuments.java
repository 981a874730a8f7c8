package io.chainlens.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

/**
 * The GraphQL documents the app's own clients send: the map page's (read from
 * {@code static/map/queries.js}, its constants filled in), the export's and the
 * warm-up's.
 */
final class ApiDocuments {

	private static final Pattern CONSTANT = Pattern
		.compile("(?:export )?const (\\w+) = (?:'([^']*)'|`([^`]*)`|(\\d+));");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

	private ApiDocuments() {
	}

	/** The page's documents by the name of their constant, e.g. CHAIN_MAP. */
	static Map<String, String> page() {
		Map<String, String> constants = new LinkedHashMap<>();
		Map<String, String> documents = new LinkedHashMap<>();
		Matcher matcher = CONSTANT.matcher(read("static/map/queries.js"));
		while (matcher.find()) {
			String value = matcher.group(2) != null ? matcher.group(2)
					: matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
			value = PLACEHOLDER.matcher(value).replaceAll(m -> Matcher.quoteReplacement(constants.get(m.group(1))));
			constants.put(matcher.group(1), value);
			if (value.startsWith("query") || value.startsWith("mutation")) {
				documents.put(matcher.group(1), value);
			}
		}
		return documents;
	}

	/** The page's size of a page ({@code PAGE_SIZE}). */
	static int pageSize() {
		Matcher matcher = Pattern.compile("PAGE_SIZE = (\\d+)").matcher(read("static/map/queries.js"));
		matcher.find();
		return Integer.parseInt(matcher.group(1));
	}

	static String export() {
		return read("export/gaps-export.graphql");
	}

	static String warmUp() {
		return read("warm-up.graphql");
	}

	static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
