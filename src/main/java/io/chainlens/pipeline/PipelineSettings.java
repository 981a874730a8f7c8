package io.chainlens.pipeline;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the leads count toward COUNT targets ({@code chainlens.pipeline.target-rules}, by
 * target id): a lead counts in the target's year when it first reached the rule's stage
 * (or a later one) within that year, is not dropped, and its investment is at least the
 * rule's minimum.
 */
@ConfigurationProperties("chainlens.pipeline")
public record PipelineSettings(@DefaultValue Map<String, TargetRule> targetRules) {

	public PipelineSettings {
		targetRules = targetRules == null ? Map.of() : Map.copyOf(targetRules);
		targetRules.forEach((id, rule) -> {
			if (rule.stage() == null || rule.stage() == LeadStage.DROPPED) {
				throw new IllegalArgumentException("chainlens.pipeline.target-rules." + id
						+ ".stage must be one of RESERVE, PRELIMINARY, SIGNED, CONSTRUCTION, PRODUCTION");
			}
			if (rule.minInvestment() != null && !(rule.minInvestment() >= 0)) {
				throw new IllegalArgumentException(
						"chainlens.pipeline.target-rules." + id + ".min-investment must be 0 or more (亿元)");
			}
		});
	}

	/**
	 * @param minInvestment 亿元; null for any amount (a lead of unknown investment counts
	 * only without a minimum)
	 */
	public record TargetRule(LeadStage stage, Double minInvestment) {

		String describe(int year) {
			return "leads that reached " + stage + " (" + stage.nameZh() + ") in " + year + ", not dropped"
					+ (minInvestment == null ? "" : ", with an investment of at least " + minInvestment + " 亿元");
		}

	}

}
