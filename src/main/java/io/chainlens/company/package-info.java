/**
 * Companies and where they make what: sites, capacities (productions), projects and
 * innovation platforms, and company search by Chinese or English name.
 */
package io.chainlens.company;
