/**
 * The gap analysis: capacity balance, gaps (缺链/弱链/短板/延链), candidates to attract, impact
 * of a company's loss, local support rate, and local supplier and customer links.
 */
package io.chainlens.analysis;
