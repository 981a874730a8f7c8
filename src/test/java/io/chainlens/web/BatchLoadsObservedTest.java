package io.chainlens.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;
import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With batch loads observed (application.yml switches them off for speed) the request
 * observation replaces each request's data loaders with observed copies: every nested
 * list read by a batch load still answers, and each batch load is timed.
 */
@ChainlensTest
@TestPropertySource(properties = "management.observations.enable.graphql.dataloader=true")
class BatchLoadsObservedTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	GraphQlSource source;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TestGraph graph;

	@Autowired
	@Qualifier("dataLoadersOnFirstUseInterceptor")
	WebGraphQlInterceptor firstUse;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	@Test
	void nestedListsReadByBatchLoadsAnswerAndEachBatchLoadIsObserved() {
		assertThat(source.graphQl().getInstrumentation()).isInstanceOfSatisfying(SingleInstrumentation.class,
				single -> assertThat(single.keepsTheExecutionInput()).isFalse());
		assertThat(DataLoadersOnFirstUseTest.registryOf(firstUse)).isNotInstanceOf(DataLoadersOnFirstUse.Lazy.class);
		long before = batchLoads();

		// searchCompanies reads sites, productions, products and chains one batch load
		// per level
		graphQl.documentName("companyCard")
			.operationName("companyCardBySearch")
			.variable("text", "北方稀土")
			.execute()
			.path("searchCompanies[0].sites[0].productions[0].product.chains[0].id")
			.hasValue();

		assertThat(batchLoads()).isGreaterThanOrEqualTo(before + 4);
	}

	private long batchLoads() {
		return meters.find("graphql.dataloader").timers().stream().mapToLong(t -> t.count()).sum();
	}

}
