package io.chainlens.company;

/**
 * A link of a company with another of its group: the other company, and how they are tied
 * (SUBSIDIARY, JOINT_VENTURE or BRANCH, as the child is to the parent).
 */
public record GroupLink(Company company, String kind, Double share, String source, String note) {
}
