package org.ranklab.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.ranklab.training.engine.Architecture;
import org.ranklab.training.engine.Objective;
import org.ranklab.training.engine.TrainingSettings;

/**
 * What a run was asked to do, defaults filled in: stored with the run as JSON and read
 * back by its worker, so a revived run trains exactly as the first attempt did.
 */
record RunSettings(TrainingSettings training, TrainingSource source) {

	Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("objective", training.objective().apiName());
		map.put("architecture", training.architecture().apiName());
		map.put("source", source.apiName());
		map.put("epochs", training.epochs());
		map.put("learning_rate", training.learningRate());
		map.put("batch_size", training.batchSize());
		map.put("validation_fraction", training.validationFraction());
		map.put("seed", training.seed());
		map.put("length_prior", training.lengthPrior());
		if (training.architecture() == Architecture.ENSEMBLE) {
			map.put("ensemble_members", training.members().stream().map(Architecture::apiName).toList());
		}
		return map;
	}

	static RunSettings of(JsonNode stored) {
		TrainingSettings settings = TrainingSettings.of(Objective.fromApiName(stored.path("objective").asString()),
				Architecture.fromApiName(stored.path("architecture").asString()), stored.path("epochs").asInt(),
				stored.path("learning_rate").asDouble(), stored.path("batch_size").asInt(),
				stored.path("validation_fraction").asDouble(), stored.path("seed").asLong(),
				// absent in runs queued before it existed, which trained without it
				stored.path("length_prior").asBoolean(false), members(stored.path("ensemble_members")));
		return new RunSettings(settings, TrainingSource.fromApiName(stored.path("source").asString()));
	}

	/** Absent in runs queued before members could be chosen: the default members. */
	private static List<Architecture> members(JsonNode stored) {
		if (stored.isMissingNode()) {
			return null;
		}
		List<Architecture> members = new ArrayList<>();
		stored.forEach(name -> members.add(Architecture.fromApiName(name.asString())));
		return members;
	}

}
