package io.chainlens.company;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts and capacity sums of companies by group, on the {@code aggregates} fixture: 通威
 * (包头, polysilicon 200,000 t and wafers of unknown capacity, operating), 大全 (包头,
 * polysilicon planned, unknown) and 协鑫 (徐州, polysilicon 100,000 t and wafers 30 GW,
 * operating).
 */
@ChainlensTest
class CompanyAggregateTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void load() {
		graph.fixture("aggregates");
	}

	@Test
	void byProductSumsKnownCapacitiesAndCountsTheUnknownLines() {
		var answer = graphQl.documentName("companyAggregate").variable("groupBy", "PRODUCT").execute();
		answer.path("companyAggregate[*].key").entityList(String.class).containsExactly("pv-polysilicon", "pv-wafer");
		answer.path("companyAggregate[0].companies").entity(Integer.class).isEqualTo(3);
		answer.path("companyAggregate[0].lines").entity(Integer.class).isEqualTo(3);
		answer.path("companyAggregate[0].unknownLines").entity(Integer.class).isEqualTo(1);
		answer.path("companyAggregate[0].knownCapacity").entity(Double.class).isEqualTo(300000.0);
		answer.path("companyAggregate[0].unit").entity(String.class).isEqualTo("t");
		answer.path("companyAggregate[1].knownCapacity").entity(Double.class).isEqualTo(30.0);
		answer.path("companyAggregate[1].unit").entity(String.class).isEqualTo("GW");
	}

	@Test
	void firstKeepsTheLargestGroups() {
		graphQl.document("{ companyAggregate(groupBy: PRODUCT, first: 1) { key } }")
			.execute()
			.path("companyAggregate[*].key")
			.entityList(String.class)
			.containsExactly("pv-polysilicon");
	}

	@Test
	void byProvinceAcrossProductsGivesCountsButNoCapacityOfMixedUnits() {
		var answer = graphQl.documentName("companyAggregate").variable("groupBy", "REGION").execute();
		answer.path("companyAggregate[*].key").entityList(String.class).containsExactly("inner-mongolia", "jiangsu");
		answer.path("companyAggregate[0].nameZh").entity(String.class).isEqualTo("内蒙古自治区");
		answer.path("companyAggregate[0].companies").entity(Integer.class).isEqualTo(2);
		answer.path("companyAggregate[0].sites").entity(Integer.class).isEqualTo(2);
		answer.path("companyAggregate[0].lines").entity(Integer.class).isEqualTo(3);
		answer.path("companyAggregate[0].unknownLines").entity(Integer.class).isEqualTo(2);
		// tonnes of polysilicon and GW of wafers do not add up
		answer.path("companyAggregate[0].knownCapacity").valueIsNull();
	}

	@Test
	void ofOneProductEachRegionHasItsKnownCapacityAndAnAllUnknownGroupIsNullNotZero() {
		var answer = graphQl.documentName("companyAggregate")
			.variable("groupBy", "REGION")
			.variable("level", "CITY")
			.variable("filter", Map.of("productId", "pv-wafer"))
			.execute();
		answer.path("companyAggregate[*].key")
			.entityList(String.class)
			.satisfies(keys -> assertThat(keys).containsExactlyInAnyOrder("baotou", "xuzhou"));
		answer.path("companyAggregate[?(@.key == 'xuzhou')].knownCapacity")
			.entityList(Double.class)
			.containsExactly(30.0);
		answer.path("companyAggregate[?(@.key == 'baotou')].knownCapacity")
			.entityList(Object.class)
			.satisfies(values -> assertThat(values).containsExactly((Object) null));
		answer.path("companyAggregate[?(@.key == 'baotou')].unknownLines").entityList(Integer.class).containsExactly(1);
	}

	@Test
	void byStatusWithARegionFilterCountsTheLinesInsideIt() {
		var answer = graphQl.documentName("companyAggregate")
			.variable("groupBy", "STATUS")
			.variable("filter", Map.of("region", "包头市"))
			.execute();
		answer.path("companyAggregate[*].key").entityList(String.class).containsExactly("OPERATING", "PLANNED");
		answer.path("companyAggregate[0].companies").entity(Integer.class).isEqualTo(1);
		answer.path("companyAggregate[0].lines").entity(Integer.class).isEqualTo(2);
		answer.path("companyAggregate[1].companies").entity(Integer.class).isEqualTo(1);
		answer.path("companyAggregate[1].nameZh").valueIsNull();
	}

	@Test
	void anUnknownLevelOrRegionIsRefusedNamingTheArgument() {
		graphQl.documentName("companyAggregate")
			.variable("groupBy", "REGION")
			.variable("level", "TOWN")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("level").contains("TOWN")));
		graphQl.documentName("companyAggregate")
			.variable("groupBy", "CHAIN")
			.variable("filter", Map.of("region", "火星"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("filter.region").contains("火星")));
	}

}
