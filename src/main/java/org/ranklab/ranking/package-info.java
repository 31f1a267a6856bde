/**
 * The mathematics of rankings, as pure code: no Spring beans, no SQL, no state.
 * {@link org.ranklab.ranking.Tiers} is a ranking (tiers of candidate ids, best first,
 * ties within a tier), {@link org.ranklab.ranking.RankedPairs} merges several rankings of
 * one prompt into their consensus (Tideman's ranked pairs), and
 * {@link org.ranklab.ranking.Agreement} measures how far rankings agree (pairwise
 * agreement, Kendall's tau-b). Used by export, quality and training; owns no table.
 */
@ApplicationModule(allowedDependencies = {})
package org.ranklab.ranking;

import org.springframework.modulith.ApplicationModule;
