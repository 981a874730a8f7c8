package io.chainlens.audit;

import java.util.Map;
import java.util.Set;

/**
 * What one write changed, for the audit trail.
 *
 * @param entity the kind of thing written, e.g. {@code Production}
 * @param entityId its id (a key made of ids for links)
 * @param before its values before, null when the write created it
 * @param after its values after, null when the write removed it
 * @param chainIds the chains the write touched; the change is found under each
 */
public record Written(String entity, String entityId, Map<String, Object> before, Map<String, Object> after,
		Set<String> chainIds) {

}
