package io.chainlens.editing;

import org.junit.jupiter.api.Test;

import io.chainlens.web.BadArgument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckTest {

	@Test
	void idsAreMadeFromEnglishNames() {
		assertThat(Check.slug("Baotou Laboratory")).isEqualTo("baotou-laboratory");
		assertThat(Check.slug("  JL MAG Rare-Earth Co., Ltd. ")).isEqualTo("jl-mag-rare-earth-co-ltd");
		assertThat(Check.slug("包头实验室")).isNull();
		assertThat(Check.slug("x".repeat(70))).hasSize(60);
	}

	@Test
	void amountsAreFiniteAndNotNegative() {
		assertThat(Check.amount("capacity", 0.0)).isZero();
		assertThatThrownBy(() -> Check.amount("capacity", Double.NaN)).isInstanceOf(BadArgument.class)
			.hasMessageContaining("finite");
		assertThatThrownBy(() -> Check.amount("capacity", Double.NEGATIVE_INFINITY)).isInstanceOf(BadArgument.class);
		assertThatThrownBy(() -> Check.amount("capacity", -0.5)).hasMessageContaining("0 or more");
	}

	@Test
	void textIsTrimmedAndBoundedWithoutBeingRepeated() {
		assertThat(Check.text("name", "  通威  ", 10)).isEqualTo("通威");
		assertThatThrownBy(() -> Check.text("name", "x".repeat(11), 10))
			.hasMessage("Argument 'name' is 11 characters long; at most 10");
		assertThat(Check.optionalText("note", "   ", 10)).isNull();
	}

}
