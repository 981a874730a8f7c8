package io.chainlens.seed;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.chainlens.database.CypherScript;

import static org.assertj.core.api.Assertions.assertThat;

class UnitsTest {

	@Test
	void everyStoredUnitHasABoundThatNoRealFigureMeetsAndNoSumOfStoredFiguresOverflows() {
		Stream.concat(Units.CANONICAL.stream(), Units.COUNTS.stream()).forEach(unit -> {
			assertThat(Units.upperBound(unit)).as(unit).isPresent();
			// a store holds far fewer than 1e250 rows, so a sum of them stays finite
			assertThat(Units.upperBound(unit).get() * 1e250).as(unit).isFinite();
		});
		assertThat(Units.upperBound("t")).contains(1e10);
		assertThat(Units.upperBound("万t")).as("a display unit is converted before it is checked").isEmpty();
	}

	@Test
	void aFigureIsCheckedInTheUnitItIsStoredIn() {
		assertThat(Units.outOfBounds(87e4, "t", "87 万t")).isEmpty();
		assertThat(Units.outOfBounds(0.0, "GW", "0 GW")).isEmpty();
		assertThat(Units.outOfBounds(1e10, "t", "100 万万t")).as("the bound itself is allowed").isEmpty();
		assertThat(Units.outOfBounds(1e308 * 1e4, "t", "1.0E308 万t"))
			.contains("1.0E308 万t is not a finite number in t");
		assertThat(Units.outOfBounds(Double.NaN, "t", "NaN t")).isPresent();
		assertThat(Units.outOfBounds(-1, "t", "-1 t")).contains("-1 t is negative");
		assertThat(Units.outOfBounds(2147483648.0, "GW", "2147483648 GW"))
			.contains("2147483648 GW is 2.147483648E9 GW, above the largest figure one row may state (100000 GW)");
		assertThat(Units.outOfBounds(1e4 + 1, "%", "10001 %")).isPresent();
	}

	@Test
	void theMigrationOfOldStoresUsesTheseBounds() {
		String migration = CypherScript.classpath("cypher/schema/V006__figures_out_of_bounds.cypher").text();
		Matcher entries = Pattern.compile("`?([^\\s{`,:]+)`?: ([0-9.e]+)").matcher(migration);
		Set<String> units = new java.util.TreeSet<>();
		while (entries.find()) {
			String unit = entries.group(1);
			assertThat(Double.parseDouble(entries.group(2))).as(unit).isEqualTo(Units.upperBound(unit).orElseThrow());
			units.add(unit);
		}
		assertThat(units).containsExactlyInAnyOrderElementsOf(
				Stream.concat(Units.CANONICAL.stream(), Units.COUNTS.stream()).toList());
	}

}
