package io.chainlens.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's benchmark workloads: their documents hold against the schema (a workload
 * whose every request is refused measures nothing), and the check of the app's answer
 * against the floor's reports what differs.
 */
class RegionWorkloadsTest {

	@Test
	void everyDocumentIsValidAgainstTheSchemaWithItsVariables(@TempDir Path data) throws IOException {
		GraphQLSchema schema = schema();
		List<RegionWorkloads.Bench> benches = RegionWorkloads.benches(generated(data), null);
		assertThat(benches).extracting(RegionWorkloads.Bench::key)
			.containsExactly("regionGapsCold", "regionGapsWarm", "regionRanking", "regionMatrix", "companiesPage",
					"companiesDeepPage", "supplyPaths");
		for (RegionWorkloads.Bench b : benches) {
			assertThat(b.calls()).as(b.key()).isNotEmpty();
			assertThat(errors(schema, b.graphQl(), b.calls().get(0).variables())).as(b.key()).isEmpty();
		}
		RegionWorkloads.Bench deep = benches.get(5);
		Map<String, Object> paging = new HashMap<>(deep.calls().get(0).variables());
		paging.put("first", 100);
		paging.put("after", "c3Vyc29y");
		assertThat(errors(schema, RegionWorkloads.paging(deep.graphQl()), paging)).isEmpty();
	}

	@Test
	void coldRegionsAreEachAskedOnceAndNeverInTheWarmUp(@TempDir Path data) throws IOException {
		RegionWorkloads.Bench cold = RegionWorkloads.benches(generated(data), "regionGapsCold").get(0);
		List<Object> measured = cold.calls().stream().map(c -> c.variables().get("region")).toList();
		List<Object> warmUp = cold.warmUpCalls().stream().map(c -> c.variables().get("region")).toList();
		assertThat(measured).doesNotHaveDuplicates().doesNotContainAnyElementsOf(warmUp).doesNotContain("baotou");
		assertThat(cold.once()).isTrue();
		assertThat(cold.name()).contains(measured.size() + " regions");
		// the warm-up asks its regions for every chain: each pair is cold too
		assertThat(cold.warmUpCalls()).hasSize(warmUp.stream().distinct().toList().size() * LoadDriver.CHAINS.size())
			.doesNotHaveDuplicates();
	}

	@Test
	void equalCoresInAnotherOrderDisagree() {
		assertThat(RegionWorkloads.compare(List.of("a", "b"), List.of("b", "a"), RegionWorkloads.Compare.EQUAL))
			.singleElement()
			.asString()
			.startsWith("the same lines in another order");
	}

	@Test
	void findsTheLinesOfEachSideMissingFromTheOther() {
		assertThat(RegionWorkloads.compare(List.of("a", "x"), List.of("a", "y"), RegionWorkloads.Compare.EQUAL))
			.containsExactly("app:   x", "floor: y");
	}

	@Test
	void anAppLineOutsideTheFloorsIsReportedEvenWhenTheFloorListsMore() {
		List<String> floor = List.of("p1 capacity 10.0000", "p2 capacity unknown", "p3 capacity 0.00000");
		assertThat(RegionWorkloads.compare(List.of("p2 capacity unknown"), floor,
				RegionWorkloads.Compare.APP_WITHIN_FLOOR))
			.isEmpty();
		assertThat(RegionWorkloads.compare(List.of("p2 capacity 0.00000"), floor,
				RegionWorkloads.Compare.APP_WITHIN_FLOOR))
			.containsExactly("app:   p2 capacity 0.00000");
	}

	@Test
	void aCoProductsCapacityIsTakenAsTheAppGivesIt() {
		List<String> floor = List.of("p9 capacity " + RegionWorkloads.ANY, "p9 demand 5.00000");
		assertThat(RegionWorkloads.compare(List.of("p9 capacity 42.0000", "p9 demand 5.00000"), floor,
				RegionWorkloads.Compare.APP_WITHIN_FLOOR))
			.isEmpty();
		assertThat(
				RegionWorkloads.compare(List.of("p9 demand 6.00000"), floor, RegionWorkloads.Compare.APP_WITHIN_FLOOR))
			.containsExactly("app:   p9 demand 6.00000");
	}

	@Test
	void anEmptyAppAnswerIsNoAgreement() {
		assertThat(RegionWorkloads.compare(List.of(), List.of("p1 demand 1.00000"),
				RegionWorkloads.Compare.APP_WITHIN_FLOOR))
			.isNotEmpty();
	}

	private static List<?> errors(GraphQLSchema schema, String document, Map<String, Object> variables) {
		ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
				ExecutionInput.newExecutionInput(document).variables(variables).build());
		return result.getErrors();
	}

	/** A small generated folder: two cities, two products, a feed. */
	private static Path generated(Path data) throws IOException {
		Path national = Files.createDirectories(data.resolve("national"));
		Files.writeString(national.resolve("regions.csv"), """
				id,name_zh,name_en,level,parent_id,source
				hebei-c001,甲市,Jia,CITY,hebei,estimate: test
				shanxi-c002,乙市,Yi,CITY,shanxi,estimate: test
				""");
		Files.writeString(national.resolve("products.csv"), """
				id,segment_id,name_zh,name_en,unit,source
				pv-g0001,pv-polysilicon-segment,多晶硅（G0001）,Polysilicon (G0001),t,estimate: test
				pv-g0002,pv-module-segment,组件（G0002）,Module (G0002),GW,estimate: test
				""");
		Files.writeString(national.resolve("feeds.csv"), """
				input_id,output_id,per_unit,unit,basis,source
				pv-g0001,pv-g0002,2000,t/GW,FLOW,estimate: test
				""");
		return data;
	}

	private static GraphQLSchema schema() throws IOException {
		StringBuilder sdl = new StringBuilder();
		for (String file : List.of("schema", "explorer", "pipeline", "connections")) {
			try (InputStream in = RegionWorkloadsTest.class.getResourceAsStream("/graphql/" + file + ".graphqls")) {
				sdl.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
			}
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl.toString()));
	}

}
