package io.chainlens.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/** A file of Cypher statements, each ending with {@code ;} at the end of a line. */
public record CypherScript(String name, String text, List<String> statements) {

	public static CypherScript of(String name, String text) {
		StringBuilder withoutComments = new StringBuilder();
		for (String line : text.split("\\R")) {
			if (!line.strip().startsWith("//")) {
				withoutComments.append(line).append('\n');
			}
		}
		List<String> statements = new ArrayList<>();
		for (String statement : withoutComments.toString().split(";[ \\t]*(\\n|$)")) {
			if (!statement.isBlank()) {
				statements.add(statement.strip());
			}
		}
		return new CypherScript(name, text, List.copyOf(statements));
	}

	public static CypherScript classpath(String path) {
		try {
			return of(path, new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

}
