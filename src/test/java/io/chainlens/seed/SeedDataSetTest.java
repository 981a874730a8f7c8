package io.chainlens.seed;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Validation names the file, line and column of every problem, and converts units
 * exactly.
 */
class SeedDataSetTest {

	private final Map<String, Resource> files = new LinkedHashMap<>();

	SeedDataSetTest() {
		file("common/regions.csv", """
				id,name_zh,name_en,level,parent_id,source
				china,中国,China,COUNTRY,,estimate: test
				baotou,包头市,Baotou,CITY,china,estimate: test""");
		file("pv/chains.csv", """
				id,name_zh,name_en,source
				pv,晶硅光伏,Crystalline-silicon PV,seed §5""");
		file("pv/segments.csv", """
				id,chain_id,name_zh,name_en,stage,position,source
				pv-silicon,pv,硅材料,Silicon materials,UPSTREAM,1,seed §5
				pv-wafers,pv,硅片,Wafers,MIDSTREAM,2,seed §6""");
		file("pv/products.csv", """
				id,segment_id,name_zh,name_en,unit,source
				pv-polysilicon,pv-silicon,多晶硅,Polysilicon,t,seed §5
				pv-wafer,pv-wafers,硅片,Wafer,GW,seed §6""");
		file("pv/companies.csv", """
				id,name_zh,name_en,aliases,hq_region_id,source
				tongwei,通威,Tongwei,永祥|Yongxiang,china,seed §5""");
		file("pv/sites.csv", """
				id,company_id,name_zh,region_id,source
				tongwei-baotou,tongwei,内蒙古通威,baotou,seed §5""");
	}

	private void file(String name, String text) {
		files.put(name, new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), name));
	}

	private SeedInvalid invalid() {
		return (SeedInvalid) org.assertj.core.api.Assertions.catchThrowable(() -> SeedDataSet.read(files));
	}

	@Test
	void acceptsAValidDataSetAndConvertsDisplayUnitsToTheCanonicalOne() {
		file("pv/capacities.csv", """
				site_id,product_id,capacity,unit,status,year,source
				tongwei-baotou,pv-polysilicon,20,万t,UNDER_CONSTRUCTION,2024,seed §5""");
		file("pv/feeds.csv", """
				input_id,output_id,per_unit,unit,source
				pv-polysilicon,pv-wafer,2.1,g/W,public: Fraunhofer ISE 2023""");

		SeedDataSet data = SeedDataSet.read(files);

		Map<String, Object> capacity = data.rows().get(SeedSchema.BY_NAME.get("capacities.csv")).get(0);
		assertThat(capacity).containsEntry("capacity", 200000.0).containsEntry("written_as", "20 万t");
		Map<String, Object> feed = data.rows().get(SeedSchema.BY_NAME.get("feeds.csv")).get(0);
		assertThat((Double) feed.get("per_unit")).isCloseTo(2100.0, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void rejectsAnUnknownUnitWithFileLineAndColumn() {
		file("pv/capacities.csv", """
				site_id,product_id,capacity,unit,status,source
				# a comment line counts as a line
				tongwei-baotou,pv-polysilicon,20,barrels,OPERATING,seed §5""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactly("pv/capacities.csv:3 [unit]: 'barrels' does not convert to t, the unit of pv-polysilicon"
					+ "; accepted: t, g, kg, 吨, kt, 万t, 万吨, Mt");
	}

	@Test
	void convertsAUnitThroughTheProductsOwnConversionKeepingWrittenAsAndTheConversion() {
		// 1 万片 of wafers = 0.007 GW (a test factor): 100 万片 = 0.7 GW
		file("common/conversions.csv", """
				product_id,from_unit,to_unit,factor,source,note
				pv-wafer,万片,MW,7,estimate: test factor,""");
		file("pv/capacities.csv", """
				site_id,product_id,capacity,unit,status,year,source
				tongwei-baotou,pv-wafer,100,万片,OPERATING,2024,seed §6""");

		Map<String, Object> row = SeedDataSet.read(files).rows().get(SeedSchema.BY_NAME.get("capacities.csv")).get(0);

		assertThat((Double) row.get("capacity")).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(row.get("unit")).isEqualTo("GW");
		assertThat(row.get("written_as")).isEqualTo("100 万片");
		assertThat(row.get("conversion")).isEqualTo("1 万片 = 7 MW（estimate: test factor）");
	}

	@Test
	void convertsAProjectsCapacityThroughItsProductsConversion() {
		file("common/conversions.csv", """
				product_id,from_unit,to_unit,factor,source,note
				pv-wafer,万片,MW,7,estimate: test factor,""");
		file("pv/projects.csv", """
				id,name_zh,company_id,product_ids,capacity,unit,status,source
				tongwei-wafer,通威硅片项目,tongwei,pv-wafer,50,万片,PLANNED,seed §6""");

		Map<String, Object> row = SeedDataSet.read(files).rows().get(SeedSchema.BY_NAME.get("projects.csv")).get(0);

		assertThat((Double) row.get("capacity")).isCloseTo(0.35, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(row.get("written_as")).isEqualTo("50 万片");
		assertThat(row.get("conversion")).isEqualTo("1 万片 = 7 MW（estimate: test factor）");
	}

	@Test
	void refusesAUnitWithoutAConversionForThatProductNamingTheAcceptedOnes() {
		// 万片 converts wafers, not polysilicon
		file("common/conversions.csv", """
				product_id,from_unit,to_unit,factor,source,note
				pv-wafer,万片,MW,7,estimate: test factor,""");
		file("pv/capacities.csv", """
				site_id,product_id,capacity,unit,status,year,source
				tongwei-baotou,pv-polysilicon,100,万片,OPERATING,2024,seed §5""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactly("pv/capacities.csv:2 [unit]: '万片' does not convert to t, the unit of pv-polysilicon"
					+ "; accepted: t, g, kg, 吨, kt, 万t, 万吨, Mt");
	}

	@Test
	void refusesAConversionToAnotherDimensionOrOfAUnitThatConvertsExactly() {
		file("common/conversions.csv", """
				product_id,from_unit,to_unit,factor,source,note
				pv-wafer,万片,t,7,estimate: test factor,
				pv-wafer,MW,GW,0.001,estimate: test factor,
				pv-polysilicon,t/d,t,-300,estimate: test factor,""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactlyInAnyOrder(
					"common/conversions.csv:2 [to_unit]: 't' does not convert to GW, the unit of pv-wafer; use one of [GW, W, kW, MW, 万kW, 万千瓦]",
					"common/conversions.csv:3 [from_unit]: 'MW' already converts exactly to GW: no conversion is needed",
					"common/conversions.csv:4 [factor]: '-300' must be a finite number ≥ 0");
	}

	@Test
	void rejectsADanglingReference() {
		file("pv/capacities.csv", """
				site_id,product_id,capacity,unit,status,source
				tongwei-baotou,pv-ingot,20,GW,OPERATING,seed §5""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactly("pv/capacities.csv:2 [product_id]: 'pv-ingot' is not a defined product");
	}

	@Test
	void rejectsAnIdDefinedTwiceNamingTheFirstDefinition() {
		file("wind/companies.csv", """
				id,name_zh,name_en,source
				tongwei,通威股份,Tongwei Co.,seed §5""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactly("wind/companies.csv:2 [id]: duplicate id 'tongwei', first defined at pv/companies.csv:2");
	}

	@Test
	void rejectsAFeedWhoseUnitsCannotBeReconciled() {
		file("pv/feeds.csv", """
				input_id,output_id,per_unit,unit,source
				pv-polysilicon,pv-wafer,2.1,t/GWh,estimate: energy is not power""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactly("pv/feeds.csv:2 [unit]: 't/GWh' cannot be reconciled with t of input per GW of output");
	}

	@Test
	void rejectsNumbersWithSeparatorsNegativeOrNotFinite() {
		file("pv/capacities.csv", """
				site_id,product_id,capacity,unit,status,source
				tongwei-baotou,pv-polysilicon,"200,000",t,OPERATING,seed §5
				tongwei-baotou,pv-polysilicon,-5,t,PLANNED,seed §5
				tongwei-baotou,pv-polysilicon,NaN,t,UNDER_CONSTRUCTION,seed §5""");

		assertThat(invalid().problems()).extracting(SeedInvalid.Problem::line, SeedInvalid.Problem::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "capacity"),
					org.assertj.core.groups.Tuple.tuple(3L, "capacity"),
					org.assertj.core.groups.Tuple.tuple(4L, "capacity"));
	}

	@Test
	void rejectsUnknownColumnsMissingRequiredValuesAndUnsourcedFacts() {
		file("pv/capacities.csv", """
				site_id,product_id,capacity,unit,status,source,comment
				tongwei-baotou,pv-polysilicon,1,t,,I heard it,x""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactlyInAnyOrder(
					"pv/capacities.csv:1 [comment]: unknown column; capacities.csv has [site_id, product_id, capacity, unit, status, year, project_id, source, note]",
					"pv/capacities.csv:2 [source]: 'I heard it' does not start with 'seed §N', 'public:' or 'estimate:'",
					"pv/capacities.csv:2 [status]: is required");
	}

	@Test
	void rejectsASecondCapacityRowForTheSameSiteProductAndStatus() {
		file("pv/capacities.csv", """
				site_id,product_id,capacity,unit,status,source
				tongwei-baotou,pv-polysilicon,1,t,OPERATING,seed §5
				tongwei-baotou,pv-polysilicon,2,t,OPERATING,seed §5""");

		assertThatThrownBy(() -> SeedDataSet.read(files)).isInstanceOf(SeedInvalid.class)
			.hasMessageContaining(
					"pv/capacities.csv:3: a second capacity row for the same site_id, product_id, status");
	}

	@Test
	void rejectsAFileOfUnknownType() {
		file("pv/factories.csv", "id\nx");

		assertThat(invalid().problems()).extracting(SeedInvalid.Problem::file).containsExactly("pv/factories.csv");
	}

	@Test
	void targetsWithoutAProductAreStoredInTheCanonicalUnitOfWhatTheyMeasure() {
		file("metals/targets.csv", """
				id,chain_id,metric,value,unit,year,source
				metals-capacity-2024,pv,CAPACITY,800,万t,2024,seed §11
				firms-2024,pv,COUNT,38,家,2024,seed §2""");

		var targets = SeedDataSet.read(files).rows().get(SeedSchema.BY_NAME.get("targets.csv"));

		assertThat(targets).extracting(t -> t.get("value"), t -> t.get("unit"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(8000000.0, "t"),
					org.assertj.core.groups.Tuple.tuple(38.0, "家"));
	}

	@Test
	void rejectsAFigureThatConvertsBeyondTheBoundOfTheUnitStored() {
		file("pv/capacities.csv", """
				site_id,product_id,capacity,unit,status,source
				tongwei-baotou,pv-polysilicon,1e308,万t,OPERATING,seed §5
				tongwei-baotou,pv-polysilicon,2000000,万t,PLANNED,seed §5""");
		file("pv/feeds.csv", """
				input_id,output_id,per_unit,unit,source
				pv-polysilicon,pv-wafer,1e308,g/W,estimate: overflows in t/GW""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactlyInAnyOrder("pv/capacities.csv:2 [capacity]: 1.0E308 万t is not a finite number in t",
					"pv/capacities.csv:3 [capacity]: 2000000 万t is 2.0E10 t, above the largest figure one row may state (10000000000 t)",
					"pv/feeds.csv:2 [per_unit]: 1.0E308 g/W is not a finite number in t/GW");
	}

	@Test
	void aRowWithTheWrongNumberOfCellsIsReportedOnceAndNotCrossChecked() {
		file("pv/capacities.csv", """
				site_id,product_id,capacity,unit,status,source
				tongwei-baotou,pv-polysilicon,20,万t,OPERATING""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactly("pv/capacities.csv:2: has 5 cells but the header has 6");
	}

	/** Two projects, a unit and an item to make leads of. */
	private void projectsForLeads() {
		file("common/gov_units.csv", """
				id,name_zh,name_en,region_id,source
				baotou-ndrc,包头市发改委,Baotou NDRC,baotou,seed §5""");
		file("common/items.csv", """
				number,title_zh,lead_unit_ids,source
				5,扩大晶硅优势产能,baotou-ndrc,seed §5""");
		file("pv/projects.csv",
				"""
						id,name_zh,company_id,product_ids,capacity,unit,status,region_id,item,source,note
						tongwei-phase3,通威三期20万吨多晶硅项目,tongwei,pv-polysilicon|pv-wafer,20,万t,UNDER_CONSTRUCTION,baotou,5,seed §5,实施
						tongwei-next,通威四期多晶硅项目,tongwei,pv-polysilicon,,,PLANNED,baotou,5,seed §5,推动…落地
						nobody-wafer,某切片项目,,pv-wafer,,,PLANNED,baotou,5,seed §5,引进""");
	}

	@Test
	void aLeadAgreeingWithItsProjectIsAcceptedWithTheProductItsCapacityIsOf() {
		projectsForLeads();
		file("pv/leads.csv", """
				id,project_id,stage,on,owner_unit_id,item,source,note
				lead-seed-tongwei-phase3,tongwei-phase3,CONSTRUCTION,2024-01-01,baotou-ndrc,5,seed §5,实施 → 开工建设
				lead-seed-tongwei-next,tongwei-next,SIGNED,2024-01-01,baotou-ndrc,5,seed §5,推动…落地 → 签约落地""");

		var leads = SeedDataSet.read(files).rows().get(SeedSchema.BY_NAME.get("leads.csv"));

		assertThat(leads)
			.extracting(l -> l.get("stage"), l -> l.get("on"), l -> l.get("item"), l -> l.get("first_product_id"))
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("CONSTRUCTION", "2024-01-01", "seed-5", "pv-polysilicon"),
					org.assertj.core.groups.Tuple.tuple("SIGNED", "2024-01-01", "seed-5", "pv-polysilicon"));
	}

	@Test
	void refusesALeadWhoseStageDisagreesWithItsProjectsStatus() {
		projectsForLeads();
		file("pv/leads.csv", """
				id,project_id,stage,on,owner_unit_id,item,source
				lead-a,tongwei-phase3,SIGNED,2024-01-01,baotou-ndrc,5,seed §5
				lead-b,tongwei-next,PRODUCTION,2024-01-01,baotou-ndrc,5,seed §5""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactly("pv/leads.csv:2 [stage]: 'SIGNED' disagrees with project 'tongwei-phase3', which is "
					+ "UNDER_CONSTRUCTION: a lead at SIGNED is a project PLANNED (SIGNED ↔ PLANNED, CONSTRUCTION ↔ "
					+ "UNDER_CONSTRUCTION, PRODUCTION ↔ OPERATING; RESERVE and PRELIMINARY are of a PLANNED project "
					+ "not yet signed)",
					"pv/leads.csv:3 [stage]: 'PRODUCTION' disagrees with project 'tongwei-next', which is PLANNED: a "
							+ "lead at PRODUCTION is a project OPERATING (SIGNED ↔ PLANNED, CONSTRUCTION ↔ "
							+ "UNDER_CONSTRUCTION, PRODUCTION ↔ OPERATING; RESERVE and PRELIMINARY are of a PLANNED "
							+ "project not yet signed)");
	}

	@Test
	void refusesALeadInTalksWhoseProjectHasLinesALeadWithoutDeveloperABadDateAndASecondLead() {
		projectsForLeads();
		file("pv/capacities.csv", """
				site_id,product_id,capacity,unit,status,project_id,source
				tongwei-baotou,pv-polysilicon,10,万t,PLANNED,tongwei-next,seed §5""");
		file("pv/leads.csv", """
				id,project_id,stage,on,owner_unit_id,source
				lead-a,tongwei-next,PRELIMINARY,2024-01-01,baotou-ndrc,seed §5
				lead-b,nobody-wafer,RESERVE,2024-01-01,baotou-ndrc,seed §5""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactly("pv/leads.csv:2 [stage]: project 'tongwei-next' has capacity lines: in talks "
					+ "(PRELIMINARY) the PIPELINE scenario would count its capacity twice, as its PLANNED lines and as "
					+ "the lead; record the lead as SIGNED if it is, or RESERVE",
					"pv/leads.csv:3 [project_id]: project 'nobody-wafer' names no developer (company_id): a lead is a "
							+ "company to attract, so it has none");
	}

	@Test
	void refusesADateThatIsNoIsoDateOrIsStillToCome() {
		projectsForLeads();
		Map<String, String> problems = Map.of("2024-02-30", "'2024-02-30' is not an ISO-8601 date such as 2024-01-01",
				"1 Jan 2024", "'1 Jan 2024' is not an ISO-8601 date such as 2024-01-01", "2999-01-01",
				"'2999-01-01' must be a date from 1949 to today, not one still to come");
		problems.forEach((date, problem) -> {
			file("pv/leads.csv", """
					id,project_id,stage,on,owner_unit_id,source
					lead-a,tongwei-phase3,CONSTRUCTION,%s,baotou-ndrc,seed §5""".formatted(date));

			assertThat(invalid().problems()).extracting(Object::toString)
				.containsExactly("pv/leads.csv:2 [on]: " + problem);
		});
	}

	@Test
	void refusesASecondLeadOfTheSameProject() {
		projectsForLeads();
		file("pv/leads.csv", """
				id,project_id,stage,on,owner_unit_id,source
				lead-a,tongwei-phase3,CONSTRUCTION,2024-01-01,baotou-ndrc,seed §5
				lead-b,tongwei-phase3,CONSTRUCTION,2024-01-01,baotou-ndrc,seed §5""");

		assertThat(invalid().problems()).extracting(Object::toString)
			.containsExactly("pv/leads.csv:3: a second lead row for the same project_id");
	}

}
