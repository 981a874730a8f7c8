package io.chainlens.web;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaMappingInspector;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error a client gets has one of the documented classifications (docs/security.md)
 * and a message without Java internals; arguments the schema lets be null (an explicit
 * {@code null} for {@code first} or {@code localOnly}) mean their default.
 */
@ChainlensTest
class ErrorClassificationTest {

	/**
	 * What a message must not hold: Java packages, method signatures, object toStrings.
	 */
	private static final String JAVA_INTERNALS = "(?s).*(java\\.|io\\.chainlens|graphql\\.|springframework|@[0-9a-f]{4,}|Double|Integer).*";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@Autowired
	GraphQlSource graphQlSource;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	@Test
	void anExplicitNullForFirstMeansTheDefaultPage() {
		graphQl.document("{ searchCompanies(text: \"稀土\", first: null) { id } }")
			.execute()
			.path("searchCompanies")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);
		graphQl.document("{ changes(chainId: \"pv\", first: null) { id } }").execute().path("changes").hasValue();
		graphQl.document("{ gaps(chainId: \"pv\", first: null) { kind } }").execute().path("gaps").hasValue();
	}

	@Test
	void anExplicitNullForLocalOnlyMeansAllProducers() {
		int all = graphQl.document("{ product(id: \"pv-polysilicon\") { producers { status } } }")
			.execute()
			.path("product.producers")
			.entityList(Object.class)
			.get()
			.size();

		graphQl.document("{ product(id: \"pv-polysilicon\") { producers(localOnly: null) { status } } }")
			.execute()
			.path("product.producers")
			.entityList(Object.class)
			.hasSize(all);
	}

	@Test
	void aValueTheServerCannotWriteIsAnInternalErrorWithoutJavaTypes() {
		// a figure no write path accepts any more, as an older version could store it
		graph.write(
				"MATCH (:Site)-[m:MAKES]->(:Product {id: 'pv-polysilicon'}) WITH m LIMIT 1 SET m.capacity = 1e308 * 10",
				Map.of());

		graphQl.document("{ product(id: \"pv-polysilicon\") { producers { capacity } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
				assertThat(error.getMessage()).contains("product/producers").doesNotMatch(JAVA_INTERNALS);
			}));
	}

	@Test
	void schemaInspectionFindsNoNullnessProblems() {
		// what the start log reports as "Field nullness errors" and "Argument nullness
		// errors"
		GraphQLSchema schema = graphQlSource.schema();
		Map<String, Map<String, DataFetcher>> fetchers = new HashMap<>();
		for (var type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
				for (var field : object.getFieldDefinitions()) {
					DataFetcher<?> fetcher = schema.getCodeRegistry()
						.getDataFetcher(FieldCoordinates.coordinates(object, field), field);
					if (fetcher instanceof SelfDescribingDataFetcher<?>) {
						fetchers.computeIfAbsent(object.getName(), name -> new HashMap<>())
							.put(field.getName(), fetcher);
					}
				}
			}
		}

		SchemaReport report = SchemaMappingInspector.inspect(schema, fetchers);

		assertThat(report.fieldNullnessErrors()).isEmpty();
		assertThat(report.argumentNullnessErrors()).isEmpty();
	}

}
