package io.chainlens.browse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region tree of the seed graph (graph-seed/common/regions.csv: 23 countries, 34
 * provinces of China, 包头市 in 内蒙古, its 10 districts), walked through Query.regions.
 */
@ChainlensTest
class RegionsTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	@Test
	void withoutArgumentsTheRootsOfTheTreeAreTheCountries() {
		graphQl.documentName("regions")
			.execute()
			.path("regions[*].level")
			.entityList(String.class)
			.hasSize(23)
			.satisfies(levels -> assertThat(levels).containsOnly("COUNTRY"));
	}

	@Test
	void aCityByItsChineseNameHasItsDistrictsUnderIt() {
		var answer = graphQl.documentName("regions").variable("parent", "包头市").execute();
		answer.path("regions[*].id")
			.entityList(String.class)
			.containsExactly("baotou-baiyun", "baotou-damao", "baotou-donghe", "baotou-guyang", "baotou-jiuyuan",
					"baotou-kundulun", "baotou-qingshan", "baotou-rare-earth-hi-tech", "baotou-shiguai",
					"baotou-tumd-right");
		answer.path("regions[*].parent.id")
			.entityList(String.class)
			.satisfies(parents -> assertThat(parents).hasSize(10).containsOnly("baotou"));
	}

	@Test
	void aLevelUnderAParentReachesDownTheTree() {
		graphQl.documentName("regions")
			.variable("parent", "china")
			.variable("level", "CITY")
			.execute()
			.path("regions[*].id")
			.entityList(String.class)
			.containsExactly("baotou");
		graphQl.documentName("regions")
			.variable("level", "PROVINCE")
			.execute()
			.path("regions[*].parent.id")
			.entityList(String.class)
			.hasSize(34)
			.satisfies(parents -> assertThat(parents).containsOnly("china"));
	}

	@Test
	void anUnknownParentOrLevelIsRefusedNamingTheArgument() {
		graphQl.documentName("regions")
			.variable("parent", "atlantis")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("atlantis").contains("'parent'")));
		graphQl.documentName("regions")
			.variable("level", "VILLAGE")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("level").contains("DISTRICT")));
	}

}
