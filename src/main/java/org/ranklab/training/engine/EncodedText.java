package org.ranklab.training.engine;

/**
 * A (prompt, response) pair as token ids and length features, ready to batch.
 *
 * @param prompt ids of the prompt's last tokens
 * @param response ids of the response's first tokens
 * @param features length and overlap features, see {@link TextEncoder}
 * @param embedding pretrained interaction features, see {@link TextEncoder#interaction};
 * null without a text encoder
 */
record EncodedText(int[] prompt, int[] response, float[] features, float[] embedding) {

	EncodedText(int[] prompt, int[] response, float[] features) {
		this(prompt, response, features, null);
	}

}
