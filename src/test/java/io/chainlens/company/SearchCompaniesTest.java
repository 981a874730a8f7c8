package io.chainlens.company;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

@ChainlensTest
class SearchCompaniesTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	private org.springframework.graphql.test.tester.GraphQlTester.EntityList<String> search(String text) {
		return graphQl.documentName("searchCompanies")
			.variable("text", text)
			.execute()
			.path("searchCompanies[*].id")
			.entityList(String.class);
	}

	@Test
	void findsACompanyByItsChineseShortName() {
		assertThat(search("金力永磁").get()).first().isEqualTo("jl-mag");
	}

	@Test
	void findsACompanyByItsEnglishNameInAnyCase() {
		assertThat(search("jl mag").get()).first().isEqualTo("jl-mag");
		assertThat(search("Northern Rare Earth").get()).contains("china-northern-rare-earth");
	}

	@Test
	void findsACompanyByAnAlias() {
		assertThat(search("北方稀土").get()).first().isEqualTo("china-northern-rare-earth");
	}

	@ParameterizedTest
	@ValueSource(strings = { "通威 AND (\"x", "OR", "NOT", "通威 AND", "a\\", "*", "title:x~2" })
	void searchTextIsNeverQuerySyntax(String text) {
		graphQl.documentName("searchCompanies").variable("text", text).execute().errors().verify();
	}

	@Test
	void wordsOfTheTextBecomeQuotedTerms() {
		assertThat(CompanyQueries.luceneQuery(" 通威  AND \"x\\ ")).isEqualTo("\"通威\" \"AND\" \"\\\"x\\\\\"");
	}

	@Test
	void refusesEmptyTextAndOversizedPages() {
		graphQl.documentName("searchCompanies")
			.variable("text", "  ")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("'text'"));
		graphQl.documentName("searchCompanies")
			.variable("text", "通威")
			.variable("first", 1000)
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("between 1 and 100"));
	}

	@Test
	void companyCardShowsSitesProductionsAndChains() {
		graphQl.documentName("company")
			.variable("id", "tongwei")
			.execute()
			.path("company.nameZh")
			.entity(String.class)
			.isEqualTo("通威")
			.path("company.local")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("company.chains[*].id")
			.entityList(String.class)
			.contains("pv")
			.path("company.productions[?(@.product.id == 'pv-polysilicon')].region")
			.entityList(String.class)
			.contains("包头市");
	}

}
