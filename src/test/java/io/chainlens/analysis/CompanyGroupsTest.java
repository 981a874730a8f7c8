package io.chainlens.analysis;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chainlens.ChainlensTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group links on the {@code analysis} fixture: a group's own units are neither other
 * companies hit by its stop nor outside candidates where the group is local.
 */
@ChainlensTest
class CompanyGroupsTest extends OnAnalysisFixture {

	private void unitOf(String child, String parent, String kind) {
		graph.write("""
				MATCH (c:Company {id: $child}), (p:Company {id: $parent})
				MERGE (c)-[g:GROUP_UNIT_OF]->(p) SET g.kind = $kind, g.share = 51.0, g.source = 'estimate: test fixture'
				""", Map.of("child", child, "parent", parent, "kind", kind));
	}

	@Test
	void listsAGroupsUnitsApartFromTheOtherCompaniesItsStopReaches() {
		var before = graphQl.documentName("impactGroup").variable("companyId", "oxco").execute();
		assertThat(before.path("impact.affectedCompanies[*].id").entityList(String.class).get())
			.containsExactly("magco", "motorco");
		// magco, which uses oxco's PrNd oxide, is oxco's subsidiary
		unitOf("magco", "oxco", "SUBSIDIARY");
		var impact = graphQl.documentName("impactGroup").variable("companyId", "oxco").execute();
		assertThat(impact.path("impact.affectedCompanies[*].id").entityList(String.class).get())
			.containsExactly("motorco");
		assertThat(impact.path("impact.affectedGroupUnits[*].id").entityList(String.class).get())
			.containsExactly("magco");
		assertThat(impact.path("impact.explanation").entity(String.class).get()).contains("同一集团的本企业单位也受波及：磁体公司");
	}

	@Test
	void aUnitOfAGroupThatMakesTheProductHereIsNoOutsideCandidate() {
		var before = graphQl.documentName("impactGroup").variable("companyId", "cellco").execute();
		assertThat(before.path("candidates[*].company.id").entityList(String.class).get()).contains("cellfar");
		// cellfar (江苏) is a joint venture of cellco, which makes cells in 包头
		unitOf("cellfar", "cellco", "JOINT_VENTURE");
		var after = graphQl.documentName("impactGroup").variable("companyId", "cellco").execute();
		assertThat(after.path("candidates[*].company.id").entityList(String.class).get()).doesNotContain("cellfar");
	}

	@Test
	void aJointVentureDoesNotJoinItsPartnersIntoOneGroup() {
		graph
			.write("""
					CREATE (:Company {id: 'jv', nameZh: '合资公司', name: 'JV Co', aliases: [], source: 'estimate: test fixture'})""",
					Map.of());
		unitOf("jv", "cellco", "JOINT_VENTURE");
		unitOf("jv", "cellfar", "JOINT_VENTURE");
		var answer = graphQl.documentName("impactGroup").variable("companyId", "cellco").execute();
		// cellfar shares a venture with cellco, not a group: still an outside candidate
		assertThat(answer.path("candidates[*].company.id").entityList(String.class).get()).contains("cellfar");
		graphQl.documentName("companyGroup")
			.variable("id", "cellco")
			.execute()
			.path("company.group[*].id")
			.entityList(String.class)
			.containsExactly("jv");
		graphQl.documentName("companyGroup")
			.variable("id", "jv")
			.execute()
			.path("company.group[*].id")
			.entityList(String.class)
			.containsExactly("cellco", "cellfar");
	}

	@Test
	void aCompanyShowsItsParentsItsUnitsAndItsWholeGroup() {
		unitOf("magco", "oxco", "SUBSIDIARY");
		unitOf("prndnew", "magco", "BRANCH");
		var magco = graphQl.documentName("companyGroup").variable("id", "magco").execute();
		magco.path("company.groupParents[0].company.id").entity(String.class).isEqualTo("oxco");
		magco.path("company.groupParents[0].kind").entity(String.class).isEqualTo("SUBSIDIARY");
		magco.path("company.groupParents[0].share").entity(Double.class).isEqualTo(51.0);
		magco.path("company.groupUnits[*].company.id").entityList(String.class).containsExactly("prndnew");
		var prndnew = graphQl.documentName("companyGroup").variable("id", "prndnew").execute();
		prndnew.path("company.group[*].id").entityList(String.class).containsExactly("magco", "oxco");
	}

	@Test
	void aCompanySeatedInTheRegionIsLocalWithoutASite() {
		graph.write(
				"""
						CREATE (c:Company {id: 'seated', nameZh: '驻地公司', name: 'Seated Co', aliases: [], source: 'estimate: test fixture'})
						WITH c MATCH (r:Region {id: 'baotou-kundulun'}) CREATE (c)-[:HEADQUARTERED_IN]->(r)""",
				Map.of());
		graphQl.documentName("companyGroup")
			.variable("id", "seated")
			.execute()
			.path("company.local")
			.entity(Boolean.class)
			.isEqualTo(true);
		graphQl.documentName("companyGroup")
			.variable("id", "catho1")
			.execute()
			.path("company.local")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

}
