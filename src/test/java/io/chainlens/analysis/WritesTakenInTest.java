package io.chainlens.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;
import io.chainlens.editing.Login;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write of capacity lines says which sites and products it touched (issue 17 item 4): a
 * region's cached graph takes in those sites' lines alone and ends up as a whole read
 * would give it, the catalogue is kept, and so are the ranked candidates the write left
 * as they were. Any other write still costs the cached graphs.
 */
@ChainlensTest
class WritesTakenInTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@Autowired
	LocalGraphCache cache;

	@Autowired
	AnalysisQueries queries;

	@Autowired
	AnalysisService analysis;

	@Autowired
	Driver driver;

	@BeforeEach
	void seed() {
		graph.seed();
	}

	@AfterEach
	void graphWasWritten() {
		graph.changed();
	}

	@Test
	void aCapacityEditOfALocalLineGivesTheGraphAWholeReadWouldGive() {
		LocalGraph before = cache.get("baotou");
		double was = capacity(before, "tongwei-kundulun", "pv-polysilicon", "OPERATING");

		setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", was + 1234, "OPERATING");

		LocalGraph after = cache.get("baotou");
		assertThat(after).isNotSameAs(before);
		assertThat(after.catalogue()).as("the catalogue was not read again").isSameAs(before.catalogue());
		assertThat(capacity(after, "tongwei-kundulun", "pv-polysilicon", "OPERATING")).isEqualTo(was + 1234);
		assertSameAsWholeRead(after);
	}

	@Test
	void aNewLineAndANewSiteAreTakenInAsAWholeReadWouldGive() {
		LocalGraph before = cache.get("baotou");
		assertThat(before.makesOf("pv-wafer")).noneMatch(m -> m.company().id().equals("jinko"));

		setCapacity("jinko", "pv-wafer", "青山区", null, 5, "PLANNED");

		LocalGraph after = cache.get("baotou");
		assertThat(after.makesOf("pv-wafer")).anyMatch(m -> m.company().id().equals("jinko"));
		assertThat(after.catalogue()).isSameAs(before.catalogue());
		assertSameAsWholeRead(after);
	}

	@Test
	void aStoreWrittenBeforeWritesSaidWhatTheyTouchedTakesInTheFirstEditThatSays() {
		// as a store of an earlier release holds it: no record of the last write that did
		// not say
		try (Session session = driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run("MATCH (g:GraphState) REMOVE g.unsaid").consume());
		}
		LocalGraph before = cache.get("baotou");

		setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", 70500, "OPERATING");

		assertThat(cache.get("baotou").catalogue()).isSameAs(before.catalogue());
	}

	@Test
	void aRegionWithoutTheTouchedSitesKeepsItsLinesUnderANewIdentity() {
		LocalGraph district = cache.get("baotou-qingshan");

		setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", 71000, "OPERATING");

		LocalGraph after = cache.get("baotou-qingshan");
		assertThat(after).isNotSameAs(district);
		assertThat(after.makes()).isSameAs(district.makes());
		assertSameAsWholeRead(after);
	}

	@Test
	void aFiguresEditOfALocalLineKeepsEveryRankingOfTheRegionEvenTheEditedProducts() {
		LocalGraph before = cache.get("baotou");
		analysis.candidates("pv-wafer", 10, before);
		analysis.candidates("pv-polysilicon", 10, before);
		assertThat(cache.rankings().get(before, "pv-wafer")).isNotNull();

		setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", 72000, "OPERATING");

		// tongwei makes polysilicon in the region, so it is no candidate for it: the
		// edited
		// figure is no input of the ranking
		LocalGraph after = cache.get("baotou");
		assertThat(cache.rankings().get(after, "pv-wafer")).as("not touched by the edit").isNotNull();
		assertThat(cache.rankings().get(after, "pv-polysilicon")).as("the edited product").isNotNull();
		assertThat(analysis.candidates("pv-wafer", 10, after)).isEqualTo(freshRanking("pv-wafer", after));
		assertThat(analysis.candidates("pv-polysilicon", 100, after))
			.isEqualTo(freshRanking("pv-polysilicon", after, 100));
	}

	@Test
	void aFiguresEditOfALineOutsideTheRegionDropsTheEditedProductsRankingThere() {
		// 昆都仑区 is outside 青山区: there tongwei is a candidate for polysilicon
		LocalGraph before = cache.get("baotou-qingshan");
		List<Candidate> was = analysis.candidates("pv-polysilicon", 100, before);
		analysis.candidates("pv-wafer", 10, before);
		assertThat(was).anyMatch(c -> c.company().id().equals("tongwei"));

		setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", 72000, "OPERATING");

		LocalGraph after = cache.get("baotou-qingshan");
		assertThat(cache.rankings().get(after, "pv-wafer")).as("not touched by the edit").isNotNull();
		assertThat(cache.rankings().get(after, "pv-polysilicon")).as("the edited product").isNull();
		assertThat(cache.rankings().rows(after, "pv-polysilicon").stale()).as("scored again from its rows")
			.containsExactly("tongwei-kundulun");
		List<Candidate> now = analysis.candidates("pv-polysilicon", 100, after);
		assertThat(now).isEqualTo(freshRanking("pv-polysilicon", after, 100)).isNotEqualTo(was);
		assertThat(capacityOf(now, "tongwei")).isEqualTo(72000 + 200000);
	}

	@Test
	void rowsScoredBeforeTwoEditsOutsideTheRegionAreScoredAgainWithBothEditsFigures() {
		LocalGraph first = cache.get("baotou-qingshan");
		List<Candidate> was = analysis.candidates("pv-polysilicon", 100, first);
		setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", 74000, "OPERATING");
		cache.get("baotou-qingshan");
		setCapacity("daqo", "pv-polysilicon", "九原区", "daqo-jiuyuan", 98000, "OPERATING");
		LocalGraph after = cache.get("baotou-qingshan");
		assertThat(cache.rankings().rows(after, "pv-polysilicon").stale()).containsExactlyInAnyOrder("tongwei-kundulun",
				"daqo-jiuyuan");

		List<Candidate> now = analysis.candidates("pv-polysilicon", 100, after);

		assertThat(cache.rankings().rows(after, "pv-polysilicon").stale()).as("the rows scored again replace them")
			.isEmpty();
		assertThat(now).isNotEqualTo(was).isEqualTo(freshRanking("pv-polysilicon", after, 100));
		assertThat(capacityOf(now, "daqo")).isEqualTo(98000 + 100000);
	}

	@Test
	void editsOutsideTheRegionWhileItsRankingIsComputedAreAllScoredIn() {
		LocalGraph first = cache.get("baotou-qingshan");
		setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", 73000, "OPERATING");
		setCapacity("daqo", "pv-polysilicon", "九原区", "daqo-jiuyuan", 99000, "OPERATING");
		LocalGraph after = cache.get("baotou-qingshan");

		// computed at the first graph, kept once two edits have led to another
		analysis.candidates("pv-polysilicon", 100, first);

		assertThat(cache.rankings().rows(after, "pv-polysilicon").stale()).containsExactlyInAnyOrder("tongwei-kundulun",
				"daqo-jiuyuan");
		assertThat(analysis.candidates("pv-polysilicon", 100, after))
			.isEqualTo(freshRanking("pv-polysilicon", after, 100));
	}

	@Test
	void aRankingFinishedAfterAnEditThatLeftItAsItWasIsKeptForTheGraphAfterTheEdit() {
		LocalGraph before = cache.get("baotou");
		setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", 72500, "OPERATING");
		LocalGraph after = cache.get("baotou");

		// computed at the graph before the edit, kept only once the graph after it exists
		analysis.candidates("pv-wafer", 10, before);

		assertThat(cache.rankings().get(after, "pv-wafer")).isEqualTo(freshRanking("pv-wafer", after));
	}

	@Test
	void aRankingFinishedAfterAnEditThatChangedItIsNotKeptForTheGraphAfterTheEdit() {
		LocalGraph before = cache.get("baotou-qingshan");
		setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", 72500, "OPERATING");
		LocalGraph after = cache.get("baotou-qingshan");

		analysis.candidates("pv-polysilicon", 10, before);
		analysis.candidates("pv-wafer", 10, before);

		assertThat(cache.rankings().get(after, "pv-polysilicon")).as("changed by the edit").isNull();
		assertThat(cache.rankings().get(after, "pv-wafer")).as("left as it was").isNotNull();
	}

	@Test
	void aNewLineDropsEveryRankingOfTheRegion() {
		LocalGraph before = cache.get("baotou");
		analysis.candidates("pv-wafer", 10, before);

		setCapacity("jinko", "pv-polysilicon", "青山区", null, 10, "PLANNED");

		assertThat(cache.rankings().get(cache.get("baotou"), "pv-wafer")).isNull();
	}

	@Test
	void aWriteOfAnotherKindReadsTheRegionAndTheCatalogueAgain() {
		LocalGraph before = cache.get("baotou");
		Login.ADMIN.as(graphQl).document("""
				mutation { updateCompany(input: {id: "tongwei", aliases: ["通威", "通威股份"], \
				source: "public: test, 2024-05-01"}) { id } }""").execute().path("updateCompany.id").hasValue();

		LocalGraph after = cache.get("baotou");
		assertThat(after.catalogue()).isNotSameAs(before.catalogue());
		assertSameAsWholeRead(after);
	}

	@Test
	void writesTooOldToBeRememberedReadTheRegionAgain() {
		LocalGraph before = cache.get("baotou");
		for (int i = 0; i <= io.chainlens.database.GraphState.KEPT_CHANGES; i++) {
			setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", 70000 + i, "OPERATING");
		}
		LocalGraph after = cache.get("baotou");
		assertThat(after.catalogue()).as("more writes than remembered: read afresh").isNotSameAs(before.catalogue());
		assertSameAsWholeRead(after);
	}

	@Test
	void aRecordOfChangesItCannotReadMakesItReadTheRegionAgain() {
		for (String spoiled : List.of("'garbled'", "'x|figures||'", "g.changes[-1]")) {
			LocalGraph before = cache.get("baotou");
			setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", 70100, "OPERATING");
			// the last record spoiled (or, for the last case, said twice)
			try (Session session = driver.session()) {
				session.executeWriteWithoutResult(tx -> tx
					.run("MATCH (g:GraphState) SET g.changes = g.changes[..-1] + [" + spoiled + ", g.changes[-1]]")
					.consume());
			}
			LocalGraph after = cache.get("baotou");
			assertThat(after.catalogue()).as(spoiled).isNotSameAs(before.catalogue());
			assertSameAsWholeRead(after);
		}
	}

	@Test
	void editsOfTwoWritersAtOnceWhileTheRegionIsReadAreAllTakenIn() throws Exception {
		cache.get("baotou");
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			Future<?> tongwei = pool.submit(() -> {
				for (int i = 1; i <= 5; i++) {
					setCapacity("tongwei", "pv-polysilicon", "昆都仑区", "tongwei-kundulun", 60000 + i, "OPERATING");
				}
			});
			Future<?> hoyuan = pool.submit(() -> {
				for (int i = 1; i <= 5; i++) {
					setCapacity("hoyuan", "pv-wafer", "青山区", "hoyuan-qingshan", 20 + i, "OPERATING");
				}
			});
			Future<?> reader = pool.submit(() -> {
				while (!tongwei.isDone() || !hoyuan.isDone()) {
					cache.get("baotou");
				}
			});
			tongwei.get();
			hoyuan.get();
			reader.get();
		}
		finally {
			pool.shutdown();
		}
		LocalGraph after = cache.get("baotou");
		assertThat(capacity(after, "tongwei-kundulun", "pv-polysilicon", "OPERATING")).isEqualTo(60005);
		assertThat(capacity(after, "hoyuan-qingshan", "pv-wafer", "OPERATING")).isEqualTo(25);
		assertSameAsWholeRead(after);
	}

	private void assertSameAsWholeRead(LocalGraph taken) {
		LocalGraph whole = queries.localGraph(taken.region(), queries.catalogue());
		assertThat(taken.makes()).isEqualTo(whole.makes());
		assertThat(taken.madeHere()).isEqualTo(whole.madeHere());
		assertThat(taken.lines()).isEqualTo(whole.lines());
		taken.makes().forEach(m -> assertThat(taken.makesOf(m.productId())).isEqualTo(whole.makesOf(m.productId())));
	}

	private List<Candidate> freshRanking(String productId, LocalGraph graph) {
		return freshRanking(productId, graph, 10);
	}

	private List<Candidate> freshRanking(String productId, LocalGraph graph, int first) {
		LocalGraph whole = queries.localGraph(graph.region(), queries.catalogue());
		return analysis.candidates(productId, first, whole);
	}

	// the capacity a candidate of the list is ranked with
	private static Double capacityOf(List<Candidate> ranked, String companyId) {
		return ranked.stream().filter(c -> c.company().id().equals(companyId)).findFirst().orElseThrow().capacity();
	}

	private static double capacity(LocalGraph graph, String siteId, String productId, String status) {
		return graph.makesOf(productId)
			.stream()
			.filter(m -> m.siteId().equals(siteId) && m.status().equals(status))
			.findFirst()
			.orElseThrow()
			.capacity();
	}

	private void setCapacity(String companyId, String productId, String region, String siteId, double capacity,
			String status) {
		Map<String, Object> input = new HashMap<>(Map.of("companyId", companyId, "productId", productId, "region",
				region, "capacity", capacity, "unit", productId.equals("pv-wafer") ? "GW" : "t", "status", status,
				"source", "public: test, 2024-05-01"));
		if (siteId != null) {
			input.put("siteId", siteId);
		}
		Login.ADMIN.as(graphQl)
			.documentName("setCapacity")
			.variable("input", input)
			.execute()
			.path("setCapacity.product.id")
			.entity(String.class)
			.isEqualTo(productId);
	}

}
