package io.chainlens.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost model of {@link QueryLimits}: a request is measured by the values its answer
 * could hold, each list counted at its page size or its bound ({@link ListBounds}), so
 * that nesting lists multiplies and aliases add up. The app's own documents stay within
 * the default limits.
 */
class QueryCostTest {

	static final GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser()
		.parse(ApiDocuments.read("graphql/schema.graphqls") + "\n" + ApiDocuments.read("graphql/explorer.graphqls")
				+ "\n" + ApiDocuments.read("graphql/pipeline.graphqls")));

	/** The limits as shipped: the defaults of the configuration properties. */
	static final GraphQlLimits limits = new Binder(new MapConfigurationPropertySource())
		.bindOrCreate("chainlens.graphql", GraphQlLimits.class);

	static long cost(String document, String operation, Map<String, Object> variables) {
		return new QueryLimits(limits).measure(schema, Parser.parse(document), operation, variables).cost();
	}

	static long cost(String document) {
		return cost(document, null, Map.of());
	}

	@Test
	void aListCountsItsItemsAtItsPageSizeAndNestingMultiplies() {
		// searchCompanies: 1 + 7 companies × (id 1 + sites 1 + 20 sites × id 1)
		assertThat(cost("{ searchCompanies(text: \"稀土\", first: 7) { id sites { id } } }")).isEqualTo(1 + 7 * 22);
		// the default page (20) when first is left out or null, as the data fetcher does
		assertThat(cost("{ searchCompanies(text: \"稀土\") { id } }")).isEqualTo(1 + 20);
		assertThat(cost("{ searchCompanies(text: \"稀土\", first: null) { id } }")).isEqualTo(1 + 20);
		// a list of scalars counts its items: aliases at most 50
		assertThat(cost("{ company(id: \"x\") { aliases } }")).isEqualTo(1 + 1 + 50);
	}

	@Test
	void aliasesAddUp() {
		String one = "chains { segments { id } }";
		assertThat(cost("{ a: " + one + " b: " + one + " c: " + one + " }")).isEqualTo(3 * cost("{ " + one + " }"));
	}

	@Test
	void theIssuesDepthTenNestingOfListsCostsFarMoreThanTheLimit() {
		// 10 fields deep, 300 fields with 30 aliases: within depth and complexity
		String nesting = "chains { companies { productions { product { producers { company { productions "
				+ "{ product { producers { capacity } } } } } } } } }";
		assertThat(cost("{ " + nesting + " }")).isGreaterThan(500 * limits.maxCost());
	}

	@Test
	void everyListFieldOfTheSchemaHasAPageSizeOrABound() {
		List<String> unbounded = new ArrayList<>();
		for (var type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")
					&& object != schema.getMutationType()) {
				for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
					if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()))
							&& field.getArgument("first") == null && ListBounds.bound(object, field) == null) {
						unbounded.add(object.getName() + "." + field.getName());
					}
				}
			}
		}
		assertThat(unbounded).isEmpty();
	}

	@Test
	void docsListTheBoundsAsTheyAre() throws IOException {
		// the table of docs/security.md: | bound | `Type.field`, … |
		Map<String, Integer> documented = new java.util.HashMap<>();
		Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\| (`.*)\\|$")
			.matcher(Files.readString(Path.of("docs", "security.md")));
		while (row.find()) {
			Matcher field = Pattern.compile("`(\\w+\\.\\w+)`").matcher(row.group(2));
			while (field.find()) {
				documented.put(field.group(1), Integer.parseInt(row.group(1)));
			}
		}
		assertThat(documented).isEqualTo(ListBounds.BOUNDS);
	}

	@Test
	void theMapPagesDocumentsStayWithinTheCost() {
		Map<String, Object> variables = Map.of("first", ApiDocuments.pageSize(), "chainId", "pv", "productId",
				"pv-polysilicon", "scenario", "CURRENT", "text", "稀土", "id", "tongwei");
		// the board's writes answer with the lead they wrote; their inputs, as the page
		// sends them
		Map<String, Map<String, Object>> inputs = new java.util.HashMap<>(Map.of("CREATE_LEAD",
				Map.of("title", "t", "companyId", "tongwei", "products", List.of(Map.of("productId", "pv-polysilicon")),
						"ownerUnitId", "baotou-commerce", "source", "estimate: x"),
				"MOVE_LEAD", Map.of("id", "l", "stage", "SIGNED", "source", "estimate: x"), "ADD_LEAD_CONTACT",
				Map.of("leadId", "l", "who", "w", "agreed", "a"), "DROP_LEAD", Map.of("id", "l", "reason", "r")));
		// the chain lead's edits (edit.js)
		Map<String, Object> link = Map.of("supplierId", "a", "customerId", "b", "productId", "p", "source", "x");
		inputs.putAll(Map.of("SET_CAPACITY",
				Map.of("companyId", "tongwei", "productId", "pv-polysilicon", "region", "包头市", "capacity", 1, "unit",
						"t", "status", "OPERATING", "source", "x"),
				"CHANGE_PROJECT_STATUS", Map.of("id", "p", "status", "OPERATING", "source", "x"), "UPDATE_PROJECT",
				Map.of("id", "p", "source", "x"), "CREATE_PLATFORM",
				Map.of("nameZh", "n", "name", "n", "kind", "LAB", "source", "x"), "UPDATE_PLATFORM",
				Map.of("id", "p", "source", "x"), "ADD_SUPPLY_LINK", link, "REMOVE_SUPPLY_LINK", link));
		assertThat(ApiDocuments.page()).isNotEmpty().allSatisfy((name, document) -> {
			Map<String, Object> with = new java.util.HashMap<>(variables);
			if (inputs.containsKey(name)) {
				with.put("input", inputs.get(name));
			}
			assertThat(cost(document, null, with)).as(name).isLessThanOrEqualTo(limits.maxCost());
		});
	}

	@Test
	void theExportsDocumentStaysWithinTheCostWithItsLargestPages() {
		// the export asks max-page-size gaps and at most max-page-size candidates per gap
		assertThat(cost(ApiDocuments.export(), "exportGaps",
				Map.of("chainId", "pv", "first", limits.maxPageSize(), "candidates", limits.maxPageSize())))
			.isLessThanOrEqualTo(limits.maxCost());
		assertThat(cost(ApiDocuments.export(), "exportChains", Map.of())).isLessThanOrEqualTo(limits.maxCost());
	}

	@Test
	void theWarmUpStaysWithinTheCost() {
		assertThat(cost(ApiDocuments.warmUp())).isLessThanOrEqualTo(limits.maxCost());
	}

	@Test
	void theWorstCaseIsJustWithinTheCostAndOneAliasMoreIsNot() {
		WorstCase.Found worst = new WorstCase(schema, limits).find();

		assertThat(worst.cost()).isLessThanOrEqualTo(limits.maxCost());
		assertThat(cost(worst.overLimit())).isGreaterThan(limits.maxCost());
	}

	@Test
	void theBenchmarksMostExpensiveRequestIsTheWorstCase() throws IOException {
		// bench/run measures it at national scale; keep it what the schema allows at most
		assertThat(Files.readString(Path.of("bench", "most-expensive.graphql")))
			.isEqualTo(new WorstCase(schema, limits).find().allowed());
		assertThat(cost(Files.readString(Path.of("src/test/resources/graphql-test/thirtyAliasAttack.graphql"))))
			.isGreaterThan(limits.maxCost());
	}

}
