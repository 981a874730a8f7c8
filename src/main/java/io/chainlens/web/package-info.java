/**
 * The web edge: the limits every GraphQL request must keep (depth, complexity, page
 * size), the offline GraphiQL page, and the mapping of refusals to GraphQL errors with a
 * classification (BAD_REQUEST, NOT_FOUND, UNAUTHORIZED, FORBIDDEN). Login and rights are
 * in {@code io.chainlens.security}.
 */
package io.chainlens.web;
