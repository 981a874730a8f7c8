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
		assertThat(Double.doubleToRawLongBits(Check.amount("capacity", -0.0))).as("-0.0 is stored as 0").isZero();
	}

	@Test
	void storedFiguresAreCheckedAfterConversionAgainstTheUnitsBound() {
		assertThat(Check.stored("capacity", 1e5 * 1e4, "t", "1e5 万t")).isEqualTo(1e9);
		assertThatThrownBy(() -> Check.stored("capacity", 1e308 * 1e4, "t", "1.0E308 万t"))
			.hasMessage("Argument 'capacity' cannot be stored: 1.0E308 万t is not a finite number in t");
		assertThatThrownBy(() -> Check.stored("value", 2147483648.0, "GW", "2147483648 GW"))
			.hasMessageStartingWith("Argument 'value' cannot be stored: 2147483648 GW is 2.147483648E9 GW, above");
	}

	@Test
	void textIsNfcWithoutControlFormatOrLoneSurrogateCharacters() {
		assertThat(Check.text("nameZh", "Cafe\u0301", 10)).isEqualTo("Caf\u00E9");
		assertThatThrownBy(() -> Check.text("nameZh", "通\u200B威", 10))
			.hasMessageStartingWith("Argument 'nameZh' has an invisible or control character (U+200B) at character 2");
		assertThatThrownBy(() -> Check.text("nameZh", "\u202E威通", 10)).hasMessageContaining("U+202E");
		assertThatThrownBy(() -> Check.text("name", "a\tb", 10)).hasMessageContaining("U+0009");
		assertThatThrownBy(() -> Check.text("name", "通威\uD800", 10))
			.hasMessage("Argument 'name' has a lone surrogate (U+D800) at character 3: the text is not valid Unicode");
		assertThatThrownBy(() -> Check.text("name", "\uDC00通威", 10)).hasMessageContaining("lone surrogate (U+DC00)");
		assertThat(Check.text("name", "\uD83D\uDE00 ok", 10)).as("a pair is one character")
			.isEqualTo("\uD83D\uDE00 ok");
		assertThatThrownBy(() -> Check.id("id", "tongwei\u200B")).hasMessageContaining("U+200B");
		assertThat(Check.optionalNote("one\ntwo")).isEqualTo("one\ntwo");
		assertThatThrownBy(() -> Check.optionalNote("one\r\ntwo")).hasMessageContaining("U+000D");
	}

	@Test
	void textIsTrimmedAndBoundedWithoutBeingRepeated() {
		assertThat(Check.text("name", "  通威  ", 10)).isEqualTo("通威");
		assertThatThrownBy(() -> Check.text("name", "x".repeat(11), 10))
			.hasMessage("Argument 'name' is 11 characters long; at most 10");
		assertThat(Check.optionalText("note", "   ", 10)).isNull();
	}

}
