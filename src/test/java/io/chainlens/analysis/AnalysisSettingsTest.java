package io.chainlens.analysis;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The documented defaults of chainlens.analysis.*, and the values it refuses. Needs no
 * database.
 */
class AnalysisSettingsTest {

	@Test
	void defaultsAreTheDocumentedOnes() {
		AnalysisSettings settings = bind(Map.of());
		assertThat(settings.shortfallThreshold()).isEqualTo(1.0);
		assertThat(settings.extensionFactor()).isEqualTo(2.0);
		assertThat(settings.singleSourceMaxProducers()).isEqualTo(1);
		assertThat(settings.impactDepth()).isEqualTo(3);
		assertThat(settings.incompleteDiscount()).isEqualTo(0.5);
		assertThat(settings.targetWeight()).isEqualTo(0.5);
		assertThat(settings.kindWeights().of(GapKind.MISSING)).isEqualTo(1.0);
		assertThat(settings.kindWeights().of(GapKind.NO_INNOVATION_SUPPORT)).isEqualTo(0.3);
		assertThat(settings.innovationPlatformKinds()).contains("LAB", "PILOT_BASE").doesNotContain("PARK", "EVENT");
		assertThat(settings.candidateWeights().capacity()).isEqualTo(0.4);
	}

	@Test
	void thresholdsCanBeConfigured() {
		AnalysisSettings settings = bind(Map.of("chainlens.analysis.extension-factor", "3",
				"chainlens.analysis.kind-weights.shortfall", "2", "chainlens.analysis.impact-depth", "1"));
		assertThat(settings.extensionFactor()).isEqualTo(3.0);
		assertThat(settings.kindWeights().of(GapKind.SHORTFALL)).isEqualTo(2.0);
		assertThat(settings.kindWeights().of(GapKind.MISSING)).isEqualTo(1.0);
		assertThat(settings.impactDepth()).isEqualTo(1);
	}

	@Test
	void refusesValuesThatWouldMakeTheAnalysisMeaningless() {
		assertThatThrownBy(() -> bind(Map.of("chainlens.analysis.extension-factor", "0.5")))
			.isInstanceOf(BindException.class)
			.hasRootCauseMessage("chainlens.analysis.extension-factor must be at least 1");
		assertThatThrownBy(() -> bind(Map.of("chainlens.analysis.impact-depth", "0")))
			.hasRootCauseMessage("chainlens.analysis.impact-depth must be between 1 and 10");
	}

	private static AnalysisSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("chainlens.analysis",
				AnalysisSettings.class);
	}

}
