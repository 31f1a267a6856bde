package org.ranklab.training.engine;

import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;

/**
 * Two optimizers in one: a new head next to a pretrained body needs steps far larger than
 * the body can take without forgetting what it was pretrained on. AdamW moves each weight
 * by about the learning rate per step, so at the body's rate the head of the finetuned
 * network could not learn within one epoch even how much length matters. DJL's trainer
 * knows one optimizer; this one hands each parameter to the optimizer of its part.
 */
final class TwoRateOptimizer extends Optimizer {

	private final Optimizer body;

	private final Optimizer head;

	private final Set<String> headParameterIds;

	TwoRateOptimizer(Optimizer body, Optimizer head, Set<String> headParameterIds) {
		super(new Builder());
		this.body = body;
		this.head = head;
		this.headParameterIds = Set.copyOf(headParameterIds);
	}

	@Override
	public void update(String parameterId, NDArray weight, NDArray grad) {
		(headParameterIds.contains(parameterId) ? head : body).update(parameterId, weight, grad);
	}

	private static final class Builder extends OptimizerBuilder<Builder> {

		@Override
		protected Builder self() {
			return this;
		}

	}

}
