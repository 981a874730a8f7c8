/**
 * The web edge: security, the offline GraphiQL page, and the mapping of domain exceptions
 * to GraphQL errors.
 */
package io.chainlens.web;
