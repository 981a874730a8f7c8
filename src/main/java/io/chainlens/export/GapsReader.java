package io.chainlens.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.chainlens.export.Answers.ChainRef;
import io.chainlens.export.Answers.ChainsAnswer;
import io.chainlens.export.Answers.GapsAnswer;
import io.micrometer.context.ContextSnapshotFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the gaps of an export through the public GraphQL API (the same schema, data
 * fetchers, limits and errors as {@code /graphql}), as the caller of the export: its
 * login is carried into the execution like that of a {@code /graphql} request.
 */
@Component
class GapsReader {

	private final ExecutionGraphQlService graphQl;

	private final String document;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

	GapsReader(ExecutionGraphQlService graphQl, @Value("classpath:export/gaps-export.graphql") Resource document) {
		this.graphQl = graphQl;
		try {
			this.document = document.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The export's GraphQL document cannot be read", ex);
		}
	}

	/**
	 * The gaps of one chain or of every chain, in the chains' order. The API answers at
	 * most {@code maxPageSize} gaps per request ({@code gaps(first)}); each chain is
	 * asked on its own, so that an all-chains export holds every chain.
	 */
	GapsRead read(ExportRequest request, int maxPageSize) {
		if (!request.allChains()) {
			GapsAnswer answer = gaps(request, request.chainId(), maxPageSize);
			return new GapsRead(answer.focusRegion().nameZh(), answer.chain(), List.of(answer), maxPageSize);
		}
		ChainsAnswer chains = run("exportChains", Map.of(), ChainsAnswer.class);
		List<GapsAnswer> answers = new ArrayList<>();
		for (ChainRef chain : chains.chains()) {
			answers.add(gaps(request, chain.id(), maxPageSize));
		}
		return new GapsRead(chains.focusRegion().nameZh(), null, answers, maxPageSize);
	}

	/**
	 * What the API answered.
	 *
	 * @param region the focus region's Chinese name
	 * @param chain the chain asked for; null for all chains
	 * @param answers one per chain
	 * @param gapsPerChain the most gaps asked per chain: a chain with that many may have
	 * more
	 */
	record GapsRead(String region, ChainRef chain, List<GapsAnswer> answers, int gapsPerChain) {
	}

	private GapsAnswer gaps(ExportRequest request, String chainId, int first) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("chainId", chainId);
		variables.put("scenario", request.scenario().name());
		variables.put("first", first);
		variables.put("candidates", request.candidates());
		if (!request.kinds().isEmpty()) {
			variables.put("kinds", request.kinds().stream().map(Enum::name).toList());
		}
		return run("exportGaps", variables, GapsAnswer.class);
	}

	private <T> T run(String operation, Map<String, Object> variables, Class<T> type) {
		DefaultExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(document, operation, variables,
				null, UUID.randomUUID().toString(), LocaleContextHolder.getLocale());
		// as the servlet's own GraphQL handler does: the caller's thread-local state (its
		// login above all) is captured for the data fetchers
		ExecutionGraphQlResponse response = graphQl.execute(request)
			.contextWrite(context -> snapshots.captureAll().updateContext(context))
			.block();
		if (response == null) {
			throw new IllegalStateException("The GraphQL API gave no answer to " + operation);
		}
		if (!response.getErrors().isEmpty()) {
			// nothing is exported from a partial answer
			ResponseError error = response.getErrors().get(0);
			throw new ExportRefused(status(error), error.getMessage());
		}
		return json.convertValue(response.getData(), type);
	}

	private static HttpStatus status(ResponseError error) {
		if (error.getErrorType() instanceof ErrorType type) {
			return switch (type) {
				case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
				case NOT_FOUND -> HttpStatus.NOT_FOUND;
				case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
				case FORBIDDEN -> HttpStatus.FORBIDDEN;
				case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
			};
		}
		// the request's parameters were checked before: graphql-java refusing the
		// export's own document is a fault of the server
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
