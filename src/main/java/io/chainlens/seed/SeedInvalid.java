package io.chainlens.seed;

import java.util.List;
import java.util.stream.Collectors;

/** A seed data set failed validation; nothing of it was written. */
public class SeedInvalid extends RuntimeException {

	/** One thing wrong, at a file, line and column. */
	public record Problem(String file, long line, String field, String message) {

		@Override
		public String toString() {
			return file + ":" + line + (field == null ? "" : " [" + field + "]") + ": " + message;
		}

	}

	private static final int SHOWN = 50;

	private final List<Problem> problems;

	public SeedInvalid(List<Problem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

	private static String describe(List<Problem> problems) {
		String shown = problems.stream().limit(SHOWN).map(Problem::toString).collect(Collectors.joining("\n  "));
		String more = problems.size() > SHOWN ? "\n  … and " + (problems.size() - SHOWN) + " more" : "";
		return "The seed data set has " + problems.size() + " problem(s); nothing was loaded:\n  " + shown + more;
	}

}
