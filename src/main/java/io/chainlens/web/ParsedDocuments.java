package io.chainlens.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Keeps the documents clients send parsed and validated. Clients (the map page, the
 * export, GraphiQL users re-running a query) send the same few documents again and again
 * with other variables, and for a small query parsing and validating the document costs
 * more CPU than its database work. The limits of {@link QueryLimits} still apply to every
 * execution: they are checked when an operation starts, not when it is parsed.
 */
@Component
class ParsedDocuments implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

	/** Larger documents are parsed every time rather than kept. */
	static final int MAX_DOCUMENT_LENGTH = 20_000;

	static final int CAPACITY = 500;

	private record Key(String document, Locale locale) {
	}

	// Least recently used first; a document that failed to parse or validate is never
	// kept, so invalid documents cannot crowd out the valid ones.
	private final Map<Key, PreparsedDocumentEntry> entries = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, PreparsedDocumentEntry> eldest) {
			return size() > CAPACITY;
		}

	};

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String document = input.getQuery();
		if (document == null || document.length() > MAX_DOCUMENT_LENGTH) {
			return CompletableFuture.completedFuture(parseAndValidate.apply(input));
		}
		Key key = new Key(document, input.getLocale());
		PreparsedDocumentEntry entry;
		synchronized (entries) {
			entry = entries.get(key);
		}
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (!entry.hasErrors()) {
				synchronized (entries) {
					entries.put(key, entry);
				}
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

	int size() {
		synchronized (entries) {
			return entries.size();
		}
	}

}
