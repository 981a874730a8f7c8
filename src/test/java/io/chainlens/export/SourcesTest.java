package io.chainlens.export;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainlens.export.Sources.Reference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sources are written for the graph ({@code seed §5}, {@code public: …},
 * {@code estimate: …}) and read by people who cite the policy document and follow links.
 */
class SourcesTest {

	private static final String DOCUMENT = "包党发〔2024〕1号";

	@Test
	void aSeedItemIsCitedAsTheDocumentsArticle() {
		assertThat(Sources.reference("seed §5", DOCUMENT)).isEqualTo(new Reference("包党发〔2024〕1号 第5条", null));
		assertThat(Sources.reference("seed §12 (lead unit 市工信局)", DOCUMENT).text())
			.isEqualTo("包党发〔2024〕1号 第12条 (lead unit 市工信局)");
	}

	@Test
	void aPublicSourceIsItsPublicationWithALinkWhereItNamesAnAddress() {
		assertThat(Sources
			.reference("public: energytrend.com/news/20230322-31494.html (phase 1 commissioned 2023-03-15)", DOCUMENT))
			.isEqualTo(new Reference("公开资料：energytrend.com/news/20230322-31494.html (phase 1 commissioned 2023-03-15)",
					"https://energytrend.com/news/20230322-31494.html"));
		assertThat(Sources.reference("public: https://www.example.org/a?b=1", DOCUMENT).url())
			.isEqualTo("https://www.example.org/a?b=1");
		assertThat(Sources.reference("public: 通威股份公告 2024-06", DOCUMENT))
			.isEqualTo(new Reference("公开资料：通威股份公告 2024-06", null));
	}

	@Test
	void anEstimateSaysSoInChinese() {
		assertThat(Sources.reference("estimate: 按同类产线估算", DOCUMENT).text()).isEqualTo("估算：按同类产线估算");
	}

	@Test
	void severalSourcesInOneAreSplitAndEachIsCitedOnceTheFirstAddressIsTheLink() {
		Sources sources = Sources.of(
				List.of("seed §5; public: hljzhjs.cn/info/show-95886.html (140亿元)", "seed §5", "public: 通威公告"),
				DOCUMENT);

		assertThat(sources.text())
			.isEqualTo("包党发〔2024〕1号 第5条\n公开资料：hljzhjs.cn/info/show-95886.html (140亿元)\n公开资料：通威公告");
		assertThat(sources.link()).isEqualTo("https://hljzhjs.cn/info/show-95886.html");
		assertThat(Sources.of(List.of(), DOCUMENT).isEmpty()).isTrue();
		assertThat(Sources.of(List.of("public: x.org/a", "public: x.org/a (2024 output 1.87 Mt)"), DOCUMENT).text())
			.isEqualTo("公开资料：x.org/a (2024 output 1.87 Mt)");
	}

}
