/**
 * Who may do what: login (built-in users over HTTP Basic, or an OAuth2/OIDC JWT resource
 * server), the roles ANALYST, CHAIN_LEAD and ADMIN, and the per-chain write rights of
 * chain-leader units (链长制牵头单位). See {@code docs/security.md}.
 */
package io.chainlens.security;
