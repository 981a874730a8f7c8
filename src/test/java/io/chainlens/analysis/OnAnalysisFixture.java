package io.chainlens.analysis;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests on the {@code analysis} fixture (src/test/resources/fixtures/analysis/), whose
 * figures are chosen to be computed by hand. Subclasses carry {@code @ChainlensTest}.
 */
abstract class OnAnalysisFixture {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void loadFixture() {
		graph.fixture("analysis");
	}

	/**
	 * The request failed with exactly one error of this classification; returns its
	 * message.
	 */
	static String singleError(GraphQlTester.Response response, ErrorType type) {
		String[] message = new String[1];
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.getErrorType()).isEqualTo(type);
			message[0] = e.getMessage();
		}));
		return message[0];
	}

}
