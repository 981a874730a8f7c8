package io.chainlens;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A test class whose tests write, each to different things, so that they can share one
 * load of the seed graph (a load takes seconds); the next class gets the graph afresh.
 */
@ChainlensTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SeedSharingWrites {

	@Autowired
	protected HttpGraphQlTester graphQl;

	@Autowired
	protected TestGraph graph;

	@BeforeAll
	protected void seedGraph() {
		graph.seed();
	}

	@AfterAll
	protected void graphChanged() {
		graph.changed();
	}

}
