/**
 * The 招商清单 exports: gaps with their candidates as XLSX and CSV at plain URLs, read
 * through the public GraphQL API so that a spreadsheet says what the API says.
 */
package io.chainlens.export;
