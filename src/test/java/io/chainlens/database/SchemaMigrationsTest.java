package io.chainlens.database;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainlens.database.SchemaMigrations.Migration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which statements of the schema files a store the offline importer made is given
 * ({@link SchemaMigrations#applyToImportedStore}): a new file with data statements must
 * be looked at here, as the offline path leaves them out.
 */
class SchemaMigrationsTest {

	private static final List<Migration> MIGRATIONS = SchemaMigrations.load("classpath*:cypher/schema/*.cypher");

	@Test
	void leavesOutOnlyTheDataStatementsOfTheMakersBoundsAndLeadBackfillFilesOnAnImportedStore() {
		List<String> left = MIGRATIONS.stream()
			.flatMap(m -> m.statements()
				.stream()
				.filter(s -> !m.schemaStatements().contains(s))
				.map(s -> m.name() + ": " + s.lines().findFirst().orElseThrow()))
			.toList();

		assertThat(left).containsExactly("V005__product_makers.cypher: MATCH (p:Product)",
				"V005__product_makers.cypher: MATCH (p:Product)",
				"V006__figures_out_of_bounds.cypher: WITH {t: 1.0e10, GW: 1.0e5, MW: 1.0e8, GWh: 1.0e8, units: 1.0e10, Mm2: 1.0e6, `亿元`: 1.0e7, `%`: 1.0e4,",
				"V006__figures_out_of_bounds.cypher: WITH {t: 1.0e10, GW: 1.0e5, MW: 1.0e8, GWh: 1.0e8, units: 1.0e10, Mm2: 1.0e6, `亿元`: 1.0e7, `%`: 1.0e4,",
				"V006__figures_out_of_bounds.cypher: WITH {t: 1.0e10, GW: 1.0e5, MW: 1.0e8, GWh: 1.0e8, units: 1.0e10, Mm2: 1.0e6, `亿元`: 1.0e7, `%`: 1.0e4,",
				"V006__figures_out_of_bounds.cypher: MATCH (p:Product)",
				"V006__figures_out_of_bounds.cypher: MATCH (p:Product)",
				"V012__lead_reached_on_backfill.cypher: MATCH (l:Lead)");
	}

	@Test
	void keepsEveryIndexConstraintAndTokenNameOnAnImportedStore() {
		List<String> kept = MIGRATIONS.stream().flatMap(m -> m.schemaStatements().stream()).toList();

		assertThat(kept).hasSize((int) MIGRATIONS.stream().flatMap(m -> m.statements().stream()).count() - 8)
			.allSatisfy(
					s -> assertThat(s).containsPattern("^(CREATE (CONSTRAINT|(FULLTEXT )?INDEX) |CALL db\\.create)"))
			.anySatisfy(s -> assertThat(s).startsWith("CREATE FULLTEXT INDEX company_names"))
			.anySatisfy(s -> assertThat(s).startsWith("CALL db.createRelationshipType('ATTRACTS')"));
	}

}
