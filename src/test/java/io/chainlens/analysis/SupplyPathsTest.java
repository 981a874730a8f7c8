package io.chainlens.analysis;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supply paths on the seed graph, expected by hand from graph-seed/*&#47;feeds.csv and
 * yields.csv: 稀土精矿 reaches 风电整机 in six steps (separation, its PrNd co-product, metal,
 * magnet, generator, turbine) and in no fewer.
 */
@ChainlensTest
class SupplyPathsTest {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	@Test
	void findsTheOrePathToTheWindTurbineThroughSeparationMagnetsAndGenerators() {
		var path = paths("rare-earth-concentrate", "wind-turbine", 6);
		path.path("supplyPaths").entityList(Object.class).hasSize(1);
		path.path("supplyPaths[0].hops").entity(Integer.class).isEqualTo(6);
		path.path("supplyPaths[0].products[*].product.id")
			.entityList(String.class)
			.containsExactly("rare-earth-concentrate", "rare-earth-separated-oxide", "rare-earth-prnd-oxide",
					"rare-earth-prnd-metal", "rare-earth-ndfeb-magnet", "wind-generator", "wind-turbine");
		path.path("supplyPaths[0].steps[*].kind")
			.entityList(String.class)
			.containsExactly("FEEDS", "YIELDS", "FEEDS", "FEEDS", "FEEDS", "FEEDS");
		// separation yields 0.21 t of PrNd oxide per t of mixed oxide; 0.44 t of PrNd
		// metal per t of finished magnet; 0.25 t of magnet per MW of generator
		path.path("supplyPaths[0].steps[1].share").entity(Double.class).isEqualTo(0.21);
		path.path("supplyPaths[0].steps[1].perUnit").valueIsNull();
		path.path("supplyPaths[0].steps[3].perUnit").entity(Double.class).isEqualTo(0.44);
		path.path("supplyPaths[0].steps[4].perUnit").entity(Double.class).isEqualTo(0.25);
	}

	@Test
	void aPathLongerThanMaxHopsIsNotAnswered() {
		paths("rare-earth-concentrate", "wind-turbine", 5).path("supplyPaths").entityList(Object.class).hasSize(0);
		paths("rare-earth-prnd-metal", "wind-turbine", 4).path("supplyPaths[*].hops")
			.entityList(Integer.class)
			.containsExactly(3);
	}

	@Test
	void eachProductOnAPathCarriesTheFocusRegionsBalanceAndGapsAsTheAnalysisAnswersThem() {
		var answer = graphQl.documentName("rareEarthBalanceAndGaps").execute();
		List<Map<String, Object>> balances = answer.path("balance").entityList(MAP).get();
		List<Map<String, Object>> gaps = answer.path("gaps").entityList(MAP).get();
		List<Map<String, Object>> onPath = paths("rare-earth-concentrate", "rare-earth-ndfeb-magnet", 6)
			.path("supplyPaths[0].products")
			.entityList(MAP)
			.get();
		assertThat(onPath).hasSize(5);
		for (Map<String, Object> p : onPath) {
			String id = (String) ((Map<?, ?>) p.get("product")).get("id");
			Map<String, Object> balance = balances.stream()
				.filter(b -> ((Map<?, ?>) b.get("product")).get("id").equals(id))
				.findFirst()
				.map(b -> Map.of("localCapacity", String.valueOf(b.get("localCapacity")), "capacityBound",
						b.get("capacityBound"), "selfSufficiency", String.valueOf(b.get("selfSufficiency"))))
				.orElseThrow();
			Map<?, ?> mine = (Map<?, ?>) p.get("balance");
			assertThat(Map.of("localCapacity", String.valueOf(mine.get("localCapacity")), "capacityBound",
					mine.get("capacityBound"), "selfSufficiency", String.valueOf(mine.get("selfSufficiency"))))
				.as(id)
				.isEqualTo(balance);
			TreeSet<String> kinds = new TreeSet<>();
			gaps.stream()
				.filter(g -> ((Map<?, ?>) g.get("product")).get("id").equals(id))
				.forEach(g -> kinds.add((String) g.get("kind")));
			assertThat(new TreeSet<>((List<?>) p.get("gaps"))).as(id).isEqualTo(kinds);
		}
	}

	@Test
	void anUnknownProductOrHopsOutOfRangeIsRefusedNamingTheArgument() {
		graphQl.documentName("supplyPaths")
			.variable("from", "no-such-product")
			.variable("to", "wind-turbine")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("no-such-product").contains("'from'")));
		graphQl.documentName("supplyPaths")
			.variable("from", "rare-earth-concentrate")
			.variable("to", "wind-turbine")
			.variable("maxHops", 7)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("maxHops").contains("between 1 and 6")));
	}

	private GraphQlTester.Response paths(String from, String to, int maxHops) {
		return graphQl.documentName("supplyPaths")
			.variable("from", from)
			.variable("to", to)
			.variable("maxHops", maxHops)
			.execute();
	}

}
