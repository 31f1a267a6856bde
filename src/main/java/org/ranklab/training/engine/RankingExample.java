package org.ranklab.training.engine;

/**
 * One ranking as indexes into an encoded table ({@link EncodedRankings}).
 *
 * @param rows table row of each candidate
 * @param pairs ordered (winner, loser) candidate indexes; ties give none
 * @param targets direct-score target per candidate, NaN when unscored
 */
record RankingExample(int[] rows, int[][] pairs, float[] targets) {
}
