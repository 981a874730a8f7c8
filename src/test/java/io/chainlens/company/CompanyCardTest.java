package io.chainlens.company;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.QueryCounter;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company with its sites, productions, products and their chains (the map page's card)
 * is read in one query, and answers exactly what the fields read level by level answer.
 */
@ChainlensTest
class CompanyCardTest {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> SITES = new ParameterizedTypeReference<>() {
	};

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@Autowired
	QueryCounter queries;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	@Test
	void readsTheCompanyCardInOneQuery() {
		int ran = queries.countDuring(() -> graphQl.documentName("companyCard")
			.operationName("companyCard")
			.variable("id", "china-northern-rare-earth")
			.execute()
			.path("company.sites[0].productions[0].product.chains[0].id")
			.hasValue());
		assertThat(ran).isEqualTo(1);
	}

	@Test
	void readsTheCardInOneQueryWhenAskedThroughAliasesAndFragments() {
		int ran = queries.countDuring(() -> graphQl.documentName("companyCard")
			.operationName("companyCardInFragments")
			.variable("id", "china-northern-rare-earth")
			.execute()
			.path("company.places[0].productions[0].product.chains[0].id")
			.hasValue());
		assertThat(ran).isEqualTo(1);
	}

	@Test
	void aCardAskedWithoutWhereItsSitesLieAnswersWhatTheFieldsReadLevelByLevelAnswer() {
		// no region, district or local asked: the card leaves them out of its query
		List<Map<String, Object>> inOneQuery = graphQl.documentName("companyCard")
			.operationName("companyCardInFragments")
			.variable("id", "china-northern-rare-earth")
			.execute()
			.path("company.places")
			.entity(SITES)
			.get();
		List<Map<String, Object>> levelByLevel = graphQl.documentName("companyCard")
			.operationName("companyLinesBySearch")
			.variable("text", "北方稀土")
			.execute()
			.path("searchCompanies[0].places")
			.entity(SITES)
			.get();
		assertThat(inOneQuery.toString()).contains("chains=[{");
		assertThat(inOneQuery).hasSizeGreaterThan(1).isEqualTo(levelByLevel);
	}

	@Test
	void whereASiteLiesIsReadWhenAskedOnlyDeepBelowTheCard() {
		List<String> regions = graphQl.documentName("companyCard")
			.operationName("companyCardNested")
			.variable("id", "china-northern-rare-earth")
			.execute()
			.path("company.sites[*].productions[*].site.productions[*].region")
			.entityList(String.class)
			.get();
		assertThat(regions).isNotEmpty().allSatisfy(region -> assertThat(region).isNotBlank());
	}

	@Test
	void whereASiteLiesIsReadWhenAnotherPartOfTheRequestAsksIt() {
		// the card's sites are handed to the request's data loaders, which answer the
		// other path to the same company's sites too
		List<String> regions = graphQl.documentName("companyCard")
			.operationName("companyCardBesideSites")
			.variable("id", "china-northern-rare-earth")
			.execute()
			.path("places.sites[*].region")
			.entityList(String.class)
			.get();
		assertThat(regions).isNotEmpty().allSatisfy(region -> assertThat(region).isNotBlank());
	}

	@Test
	void readsSitesAloneWithoutTheCardWhenNoProductionIsAsked() {
		int ran = queries.countDuring(() -> graphQl.documentName("companyCard")
			.operationName("companySitesOnly")
			.variable("id", "china-northern-rare-earth")
			.execute()
			.path("company.sites[0].id")
			.hasValue());
		assertThat(ran).as("the company, then its sites").isEqualTo(2);
	}

	@Test
	void companyCardAnswersWhatTheFieldsReadLevelByLevelAnswer() {
		// searchCompanies reads sites, productions, products and chains with one batch
		// load per level, company(id) with one query: both must give the same answer
		List<Map<String, Object>> inOneQuery = graphQl.documentName("companyCard")
			.operationName("companyCard")
			.variable("id", "china-northern-rare-earth")
			.execute()
			.path("company.sites")
			.entity(SITES)
			.get();
		List<Map<String, Object>> levelByLevel = graphQl.documentName("companyCard")
			.operationName("companyCardBySearch")
			.variable("text", "北方稀土")
			.execute()
			.path("searchCompanies[0].id")
			.entity(String.class)
			.isEqualTo("china-northern-rare-earth")
			.path("searchCompanies[0].sites")
			.entity(SITES)
			.get();
		assertThat(inOneQuery).hasSizeGreaterThan(1);
		assertThat(inOneQuery.toString()).contains("productions=[{", "chains=[{");
		assertThat(inOneQuery).isEqualTo(levelByLevel);
	}

	@Test
	void aCardAskedWithoutChainsAnswersWhatTheFieldsReadLevelByLevelAnswer() {
		// without chains asked the card's query leaves out its chains subquery
		List<Map<String, Object>> inOneQuery = new ArrayList<>();
		int ran = queries.countDuring(() -> inOneQuery.addAll(graphQl.documentName("companyCard")
			.operationName("companyCardWithoutChains")
			.variable("id", "china-northern-rare-earth")
			.execute()
			.path("company.sites")
			.entity(SITES)
			.get()));
		List<Map<String, Object>> levelByLevel = graphQl.documentName("companyCard")
			.operationName("companyCardWithoutChainsBySearch")
			.variable("text", "北方稀土")
			.execute()
			.path("searchCompanies[0].sites")
			.entity(SITES)
			.get();
		assertThat(ran).isEqualTo(1);
		assertThat(inOneQuery).hasSizeGreaterThan(1);
		assertThat(inOneQuery.toString()).contains("productions=[{", "product={").doesNotContain("chains");
		assertThat(inOneQuery).isEqualTo(levelByLevel);
	}

	@Test
	void unknownCompanyIsNull() {
		graphQl.documentName("companyCard")
			.operationName("companyCard")
			.variable("id", "no-such-company")
			.execute()
			.path("company")
			.valueIsNull();
	}

	@Test
	void searchReadsWhetherCompaniesAreLocalInTheSameQuery() {
		int ran = queries.countDuring(() -> graphQl.documentName("searchCompanies")
			.variable("text", "稀土")
			.execute()
			.path("searchCompanies[*].local")
			.entityList(Boolean.class)
			.contains(true, false));
		assertThat(ran).isEqualTo(1);
	}

}
