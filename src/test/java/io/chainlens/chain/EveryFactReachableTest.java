package io.chainlens.chain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fact of the seed graph can be read through the API: targets of no chain,
 * platforms of no chain, institutions, government units and the organisations responsible
 * for policy items, each compared with what the database holds.
 */
@ChainlensTest
class EveryFactReachableTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void seed() {
		graph.seed();
	}

	private List<String> ids(String cypher) {
		return graph.rows(cypher, Map.of()).stream().map(r -> String.valueOf(r.get("id"))).sorted().toList();
	}

	@Test
	@SuppressWarnings("unchecked")
	void readsEveryTargetPlatformInstitutionUnitAndResponsibleOrganisation() {
		var answer = graphQl.documentName("everyFact").execute();
		List<String> targets = ids("MATCH (t:Target) RETURN t.id AS id");
		assertThat(targets).isNotEmpty();
		assertThat(answer.path("targets[*].id").entityList(String.class).get())
			.containsExactlyInAnyOrderElementsOf(targets);
		// some targets (the project counts of seed §20 and §21) belong to no chain
		assertThat(
				ids("MATCH (t:Target) WHERE NOT (t)-[:FOR_CHAIN]->() AND NOT (t)-[:FOR_PRODUCT]->() RETURN t.id AS id"))
			.isNotEmpty();
		assertThat(answer.path("platforms[*].id").entityList(String.class).get())
			.containsExactlyInAnyOrderElementsOf(ids("MATCH (p:Platform) RETURN p.id AS id"));
		assertThat(answer.path("institutions[*].id").entityList(String.class).get())
			.containsExactlyInAnyOrderElementsOf(ids("MATCH (i:Institution) RETURN i.id AS id"));
		assertThat(answer.path("govUnits[*].id").entityList(String.class).get())
			.containsExactlyInAnyOrderElementsOf(ids("MATCH (g:GovUnit) RETURN g.id AS id"));
		List<String> responsible = ids("""
				MATCH (o)-[:RESPONSIBLE_FOR]->(i:PolicyItem) WHERE o:Company OR o:Institution
				RETURN i.number + '/' + o.id AS id""");
		assertThat(responsible).isNotEmpty();
		List<Map<String, Object>> items = answer.path("policyItems")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
		List<String> answered = items.stream()
			.flatMap(i -> ((List<Map<String, Object>>) i.get("responsibleOrganisations")).stream()
				.map(o -> i.get("number") + "/" + o.get("id")))
			.sorted()
			.toList();
		assertThat(answered).containsExactlyElementsOf(responsible);
		List<String> itemTargets = items.stream()
			.flatMap(i -> ((List<Map<String, Object>>) i.get("targets")).stream().map(t -> (String) t.get("id")))
			.sorted()
			.toList();
		assertThat(itemTargets)
			.containsExactlyElementsOf(ids("MATCH (t:Target)-[:UNDER_ITEM]->(:PolicyItem) RETURN t.id AS id"));
	}

}
