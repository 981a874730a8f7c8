package io.chainlens.analysis;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds and weights of the gap analysis (configuration
 * {@code chainlens.analysis.*}); what each one means, and why the defaults, is in
 * {@code docs/analysis.md}.
 *
 * @param shortfallThreshold SHORTFALL when local capacity &lt; threshold × local demand
 * @param extensionFactor EXTENSION when local capacity &gt; factor × local demand
 * @param singleSourceMaxProducers SINGLE_SOURCE when 1..this many local companies make
 * the product
 * @param impactDepth how many FEEDS hops the impact walk follows downstream
 * @param incompleteDiscount severity factor for a SHORTFALL or EXTENSION that rests on a
 * lower bound which, completed, could make it vanish
 * @param targetWeight severity added per target at stake
 * @param kindWeights severity weight of each gap kind
 * @param innovationPlatformKinds the platform kinds that count as innovation support of a
 * segment
 * @param candidateWeights weights of the candidate score
 */
@ConfigurationProperties("chainlens.analysis")
public record AnalysisSettings(@DefaultValue("1.0") double shortfallThreshold,
		@DefaultValue("2.0") double extensionFactor, @DefaultValue("1") int singleSourceMaxProducers,
		@DefaultValue("3") int impactDepth, @DefaultValue("0.5") double incompleteDiscount,
		@DefaultValue("0.5") double targetWeight, @DefaultValue KindWeights kindWeights, @DefaultValue( {
				"LAB", "RD_CENTRE", "TESTING_CENTRE", "PILOT_BASE", "CERTIFICATION_CENTRE", "ALLIANCE",
				"SERVICE_PLATFORM", "ENCLAVE" }) List<String> innovationPlatformKinds,
		@DefaultValue CandidateWeights candidateWeights){

	public AnalysisSettings {
		check(shortfallThreshold > 0, "shortfall-threshold must be above 0");
		check(extensionFactor >= 1, "extension-factor must be at least 1");
		check(singleSourceMaxProducers >= 1, "single-source-max-producers must be at least 1");
		check(impactDepth >= 1 && impactDepth <= 10, "impact-depth must be between 1 and 10");
		check(incompleteDiscount > 0 && incompleteDiscount <= 1, "incomplete-discount must be in (0, 1]");
		check(targetWeight >= 0, "target-weight must not be negative");
		innovationPlatformKinds = List.copyOf(innovationPlatformKinds);
	}

	/**
	 * Severity weight of each kind of gap: how much one unit of magnitude of it matters.
	 */
	public record KindWeights(@DefaultValue("1.0") double missing, @DefaultValue("0.8") double pipelineOnly,
			@DefaultValue("1.0") double shortfall, @DefaultValue("0.5") double singleSource,
			@DefaultValue("0.6") double extension, @DefaultValue("0.3") double noInnovationSupport) {

		public KindWeights {
			check(missing >= 0 && pipelineOnly >= 0 && shortfall >= 0 && singleSource >= 0 && extension >= 0
					&& noInnovationSupport >= 0, "kind-weights must not be negative");
		}

		double of(GapKind kind) {
			return switch (kind) {
				case MISSING -> missing;
				case PIPELINE_ONLY -> pipelineOnly;
				case SHORTFALL -> shortfall;
				case SINGLE_SOURCE -> singleSource;
				case EXTENSION -> extension;
				case NO_INNOVATION_SUPPORT -> noInnovationSupport;
			};
		}

	}

	/** Weights of the three parts of a candidate's score, each part in 0..1. */
	public record CandidateWeights(@DefaultValue("0.4") double capacity, @DefaultValue("0.35") double relatedness,
			@DefaultValue("0.25") double ties) {

		public CandidateWeights {
			check(capacity >= 0 && relatedness >= 0 && ties >= 0 && capacity + relatedness + ties > 0,
					"candidate-weights must not be negative and not all 0");
		}

	}

	private static void check(boolean valid, String problem) {
		if (!valid) {
			throw new IllegalArgumentException("chainlens.analysis." + problem);
		}
	}

}
