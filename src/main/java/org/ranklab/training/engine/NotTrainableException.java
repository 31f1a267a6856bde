package org.ranklab.training.engine;

/**
 * The rankings cannot train a model with these settings (no ordered pair, or no scores
 * for direct_score).
 */
public class NotTrainableException extends RuntimeException {

	public NotTrainableException(String message) {
		super(message);
	}

}
