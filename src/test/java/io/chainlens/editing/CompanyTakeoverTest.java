package io.chainlens.editing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

import io.chainlens.SeedSharingWrites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain lead may say that another chain's company makes or builds one of its products,
 * but that gives it no right on the company: its names, aliases, headquarters and sites
 * stay with the chains it belonged to before, by facts the lead did not add. Each test is
 * one path of the outside probe (issue 12, item 3), as lead-pv.
 */
class CompanyTakeoverTest extends SeedSharingWrites {

	private static final String SOURCE = "estimate: company takeover test";

	@Test
	void aLineOfItsOwnProductDoesNotLetALeadRenameAnotherChainsCompany() {
		claimByCapacity("jl-mag", "baotou-rare-earth-hi-tech");

		forbidden("updateCompany", map("id", "jl-mag", "nameZh", "光伏金力", "source", SOURCE), "chain rare-earth");
		forbidden("createSite",
				map("companyId", "jl-mag", "region", "baotou-qingshan", "id", "jl-mag-pv-site", "source", SOURCE),
				"chain rare-earth");

		// the chain the company belongs to keeps its rights
		Login.LEAD_RARE_EARTH.as(graphQl)
			.documentName("updateCompany")
			.variable("input", map("id", "jl-mag", "note", "checked by its own lead", "source", SOURCE))
			.execute()
			.path("updateCompany.id")
			.entity(String.class)
			.isEqualTo("jl-mag");
	}

	@Test
	void aProjectNamingAnotherChainsCompanyDoesNotLetALeadReplaceItsAliases() {
		Login.LEAD_PV.as(graphQl)
			.documentName("createProject")
			.variable("input",
					map("id", "takeover-nre-project", "nameZh", "北方稀土光伏项目", "companyId", "china-northern-rare-earth",
							"productIds", List.of("pv-polysilicon"), "status", "PLANNED", "source", SOURCE))
			.execute()
			.path("createProject.company.id")
			.entity(String.class)
			.isEqualTo("china-northern-rare-earth");

		forbidden("updateCompany", map("id", "china-northern-rare-earth", "aliases", List.of("光伏北方"), "source", SOURCE),
				"rare-earth (稀土)");
	}

	@Test
	void aLineOfItsOwnProductDoesNotLetALeadMoveAnotherChainsHeadquarters() {
		claimByCapacity("ningbo-yunsheng", "zhejiang");

		forbidden("updateCompany", map("id", "ningbo-yunsheng", "headquarters", "baotou", "source", SOURCE),
				"chain rare-earth");
	}

	@Test
	void aProjectNamingACompanyOfNoChainDoesNotMakeItTheLeads() {
		Login.ADMIN.as(graphQl)
			.documentName("createCompany")
			.variable("input",
					map("id", "takeover-no-chain", "nameZh", "无链公司", "name", "No Chain Co", "source", SOURCE))
			.execute()
			.path("createCompany.id")
			.hasValue();
		Login.LEAD_PV.as(graphQl)
			.documentName("createProject")
			.variable("input",
					map("id", "takeover-no-chain-project", "nameZh", "无链公司光伏项目", "companyId", "takeover-no-chain",
							"productIds", List.of("pv-polysilicon"), "status", "PLANNED", "source", SOURCE))
			.execute()
			.path("createProject.id")
			.hasValue();

		forbidden("updateCompany", map("id", "takeover-no-chain", "nameZh", "光伏公司", "source", SOURCE),
				"needs an ADMIN");
	}

	@Test
	void aLineOfItsOwnProductDoesNotLetALeadGiveAnotherChainsCandidateALocalSite() {
		// shenghe is a rare-earth candidate with no site in Baotou: a local site raises
		// its score
		// 盛和 has two sites in 四川 (its mines and 乐山): the line is at the first
		claimByCapacity("shenghe", "sichuan", "shenghe-sichuan");

		forbidden("createSite",
				map("companyId", "shenghe", "region", "baotou-qingshan", "id", "shenghe-qingshan", "source", SOURCE),
				"chain rare-earth");
		forbidden("setCapacity", map("companyId", "shenghe", "productId", "pv-polysilicon", "region", "baotou-qingshan",
				"capacity", 0, "unit", "t", "status", "PLANNED", "source", SOURCE), "chain rare-earth");
		assertThat(graph.count("""
				MATCH (:Company {id: 'shenghe'})-[:HAS_SITE]->(s:Site)-[:IN_REGION]->(:Region {id: 'baotou-qingshan'})
				RETURN count(s)""")).isZero();
	}

	@Test
	void aLeadStillChangesTheCompaniesOfItsChainAndThoseItAdded() {
		Login.LEAD_PV.as(graphQl)
			.documentName("updateCompany")
			.variable("input", map("id", "tongwei", "note", "checked by the pv lead", "source", SOURCE))
			.execute()
			.path("updateCompany.id")
			.hasValue();
		Login.LEAD_PV.as(graphQl)
			.documentName("createCompany")
			.variable("input", map("id", "takeover-pv-own", "nameZh", "光伏新公司", "name", "PV New Co", "source", SOURCE))
			.execute()
			.path("createCompany.id")
			.hasValue();
		Login.LEAD_PV.as(graphQl)
			.documentName("setCapacity")
			.variable("input",
					map("companyId", "takeover-pv-own", "productId", "pv-polysilicon", "region", "baotou-qingshan",
							"capacity", 1, "unit", "万t", "status", "PLANNED", "source", SOURCE))
			.execute()
			.path("setCapacity.site.id")
			.entity(String.class)
			.isEqualTo("takeover-pv-own-baotou-qingshan");
		Login.LEAD_PV.as(graphQl)
			.documentName("updateCompany")
			.variable("input", map("id", "takeover-pv-own", "headquarters", "baotou", "source", SOURCE))
			.execute()
			.path("updateCompany.headquarters.id")
			.entity(String.class)
			.isEqualTo("baotou");
	}

	/**
	 * lead-pv's 0-capacity PLANNED polysilicon line at the company's site in the region.
	 */
	private void claimByCapacity(String companyId, String region) {
		claimByCapacity(companyId, region, null);
	}

	private void claimByCapacity(String companyId, String region, String siteId) {
		Map<String, Object> input = map("companyId", companyId, "productId", "pv-polysilicon", "region", region,
				"capacity", 0, "unit", "t", "status", "PLANNED", "source", SOURCE);
		if (siteId != null) {
			input.put("siteId", siteId);
		}
		Login.LEAD_PV.as(graphQl)
			.documentName("setCapacity")
			.variable("input", input)
			.execute()
			.path("setCapacity.company.id")
			.entity(String.class)
			.isEqualTo(companyId);
	}

	private void forbidden(String document, Map<String, Object> input, String because) {
		String before = graph.fingerprint();
		Login.LEAD_PV.as(graphQl)
			.documentName(document)
			.variable("input", input)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
				assertThat(error.getMessage()).contains(because);
			}));
		assertThat(graph.fingerprint()).as("the graph after the refused " + document).isEqualTo(before);
	}

	private static Map<String, Object> map(Object... namesAndValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

}
