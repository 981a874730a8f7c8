package io.chainlens.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sources as a reader cites them: {@code seed §5} as the policy document's item
 * (包党发〔2024〕1号 第5条), {@code public: …} as the publication with a link where it names an
 * address, {@code estimate: …} as 估算. A spreadsheet cell holds one link: the first.
 *
 * @param references one per distinct source, in order
 */
record Sources(List<Reference> references) {

	/**
	 * One source.
	 *
	 * @param text as the reader cites it
	 * @param url its address, or null
	 */
	record Reference(String text, String url) {
	}

	// a stored source may hold several, e.g. "seed §5; public: hljzhjs.cn/…"
	private static final Pattern SPLIT = Pattern.compile(";\\s*(?=seed §|public:|estimate:)");

	private static final Pattern SEED = Pattern.compile("seed §(\\d+)(.*)", Pattern.DOTALL);

	// an address written with or without its scheme: example.org/path or https://…
	private static final Pattern ADDRESS = Pattern
		.compile("(?:https?://)?(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}(?:/[^\\s，。；;()（）]*)?");

	static final Sources NONE = new Sources(List.of());

	/**
	 * The references of stored sources, each once.
	 * @param document the name of the policy document that {@code seed §N} cites
	 */
	static Sources of(Collection<String> sources, String document) {
		Set<Reference> references = new LinkedHashSet<>();
		for (String source : sources) {
			if (source == null || source.isBlank()) {
				continue;
			}
			for (String part : SPLIT.split(source.strip())) {
				references.add(reference(part.strip(), document));
			}
		}
		// the same address cited bare and with a note: the note says more, once
		List<Reference> kept = new ArrayList<>();
		for (Reference reference : references) {
			Reference same = reference.url() == null ? null
					: kept.stream().filter(k -> reference.url().equals(k.url())).findFirst().orElse(null);
			if (same == null) {
				kept.add(reference);
			}
			else if (reference.text().length() > same.text().length()) {
				kept.set(kept.indexOf(same), reference);
			}
		}
		return new Sources(List.copyOf(kept));
	}

	static Reference reference(String source, String document) {
		Matcher seed = SEED.matcher(source);
		if (seed.matches()) {
			return new Reference(document + " 第" + seed.group(1) + "条" + seed.group(2).stripTrailing(), null);
		}
		if (source.startsWith("public:")) {
			String publication = source.substring("public:".length()).strip();
			Matcher address = ADDRESS.matcher(publication);
			String url = null;
			if (address.find() && address.start() == 0) {
				String found = address.group();
				url = found.startsWith("http://") || found.startsWith("https://") ? found : "https://" + found;
			}
			return new Reference("公开资料：" + publication, url);
		}
		if (source.startsWith("estimate:")) {
			return new Reference("估算：" + source.substring("estimate:".length()).strip(), null);
		}
		return new Reference(source, null);
	}

	boolean isEmpty() {
		return references.isEmpty();
	}

	/** The first address, the cell's link; null when none is named. */
	String link() {
		return references.stream().map(Reference::url).filter(u -> u != null).findFirst().orElse(null);
	}

	/** One reference a line. */
	String text() {
		List<String> lines = new ArrayList<>();
		references.forEach(r -> lines.add(r.text()));
		return String.join("\n", lines);
	}

	@Override
	public String toString() {
		return text();
	}

}
