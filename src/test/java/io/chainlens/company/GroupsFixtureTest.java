package io.chainlens.company;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

/**
 * The {@code groups} fixture as the seed loader reads it: group links
 * (company_groups.csv), a project of two developers, a company seated in the region, a
 * platform and a target of no chain.
 */
@ChainlensTest
class GroupsFixtureTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void load() {
		graph.fixture("groups");
	}

	@Test
	void readsGroupLinksCoDevelopersSeatsAndTargetsOfNoChain() {
		var answer = graphQl.documentName("groupsFixture").execute();
		answer.path("tongwei.groupUnits[0].company.id").entity(String.class).isEqualTo("yongxiang");
		answer.path("tongwei.groupUnits[0].kind").entity(String.class).isEqualTo("SUBSIDIARY");
		answer.path("tongwei.groupUnits[0].share").entity(Double.class).isEqualTo(100.0);
		// the lead developer first, then the co-developer; each is linked
		answer.path("project.projects[0].company.id").entity(String.class).isEqualTo("huadian");
		answer.path("project.projects[0].developers[*].id")
			.entityList(String.class)
			.containsExactly("huadian", "jl-mag");
		// huadian makes nothing: its chains come from the project it leads and the
		// platform it runs
		answer.path("huadian.chains[*].id").entityList(String.class).containsExactly("pv", "rare-earth");
		answer.path("huadian.projects[*].id").entityList(String.class).containsExactly("magnet-jv");
		answer.path("huadian.local").entity(Boolean.class).isEqualTo(false);
		answer.path("seated.local").entity(Boolean.class).isEqualTo(true);
		answer.path("all[*].id")
			.entityList(String.class)
			.containsExactly("projects-count-2024", "pv-polysilicon-capacity-2024");
		answer.path("pv[*].id").entityList(String.class).containsExactly("pv-polysilicon-capacity-2024");
		answer.path("platforms[*].id").entityList(String.class).containsExactly("pv-lab");
	}

}
