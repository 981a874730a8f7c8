package io.chainlens.seed;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ChainlensTest
class SeedLoaderTest {

	private static final String GRAPH_SIZE = """
			MATCH (n) WHERE NOT n:SchemaMigration
			RETURN count(n) + COUNT { MATCH ()-[r]->() } * 1000000 AS size""";

	@Autowired
	SeedLoader loader;

	@Autowired
	TestGraph graph;

	@Test
	void malformedDataSetIsRefusedWithFileLineAndFieldAndLeavesTheGraphAsItWas() {
		graph.seed();
		long before = graph.count(GRAPH_SIZE);

		assertThatThrownBy(() -> loader.load("classpath:fixtures/broken-unit")).isInstanceOf(SeedInvalid.class)
			.hasMessageContaining("capacities.csv:3 [unit]: 'GW' does not convert to t, the unit of pv-polysilicon");

		assertThat(graph.count(GRAPH_SIZE)).isEqualTo(before);
	}

	@Test
	void loadingTheSeedAgainChangesNothing() {
		graph.seed();
		long size = graph.count(GRAPH_SIZE);
		long capacity = graph.count("MATCH ()-[m:MAKES]->() RETURN toInteger(sum(m.capacity))");

		loader.load("classpath:graph-seed");

		assertThat(graph.count(GRAPH_SIZE)).isEqualTo(size);
		assertThat(graph.count("MATCH ()-[m:MAKES]->() RETURN toInteger(sum(m.capacity))")).isEqualTo(capacity);
	}

	@Test
	void seedGraphIsLoadedAtStartWithEveryFactSourced() {
		graph.seed();

		assertThat(graph.count("MATCH (c:Chain) RETURN count(c)")).isEqualTo(7);
		assertThat(graph.count("""
				MATCH (n) WHERE (n:Company OR n:Product OR n:Project OR n:Platform OR n:Target OR n:Site)
				  AND (n.source IS NULL OR n.source = '')
				RETURN count(n)""")).isZero();
		assertThat(graph.count("""
				MATCH ()-[r:MAKES|FEEDS|YIELDS]->() WHERE r.source IS NULL OR r.source = ''
				RETURN count(r)""")).isZero();
	}

}
