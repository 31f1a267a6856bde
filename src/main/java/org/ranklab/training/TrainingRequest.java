package org.ranklab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ranklab.training.engine.Architecture;
import org.ranklab.training.engine.Objective;
import org.ranklab.training.engine.TrainingSettings;
import org.ranklab.web.InputError;
import org.ranklab.web.InvalidInputException;

/**
 * {@code POST /api/v1/projects/{id}/training-runs}. Every field is optional; what is left
 * out takes the measured defaults of the chosen architecture. Enum-like fields are
 * strings so that a wrong value is named in the 400.
 */
record TrainingRequest(String objective, String source, Integer epochs, Double learningRate, Integer batchSize,
		Double validationFraction, Long seed, String architecture, Boolean lengthPrior, List<String> ensembleMembers) {

	/**
	 * Upper bound of the API (the engine allows more): a run must end in reasonable time
	 * on a shared machine.
	 */
	static final int MAX_EPOCHS = 100;

	/** Checks every field and reports all problems at once. */
	RunSettings validate() {
		List<InputError> errors = new ArrayList<>();
		Objective chosenObjective = parse("objective", objective, Objective.RANK, errors, Objective::fromApiName,
				"must be \"rank\" or \"direct_score\"");
		Architecture chosenArchitecture = parse("architecture", architecture, Architecture.DEFAULT, errors,
				Architecture::fromApiName, "must be one of " + architectures());
		TrainingSource chosenSource = parse("source", source, TrainingSource.RANKINGS, errors,
				TrainingSource::fromApiName, "must be \"rankings\" or \"consensus\"");
		if (epochs != null && (epochs < 1 || epochs > MAX_EPOCHS)) {
			errors.add(InputError.field("epochs", "must be between 1 and " + MAX_EPOCHS));
		}
		if (learningRate != null && !(learningRate > 0 && learningRate <= 1)) {
			errors.add(InputError.field("learning_rate", "must be greater than 0 and at most 1"));
		}
		if (batchSize != null && (batchSize < 1 || batchSize > 4096)) {
			errors.add(InputError.field("batch_size", "must be between 1 and 4096"));
		}
		if (validationFraction != null && !(validationFraction >= 0 && validationFraction <= 0.5)) {
			errors.add(InputError.field("validation_fraction", "must be between 0 and 0.5"));
		}
		if (seed != null && seed < 0) {
			errors.add(InputError.field("seed", "must not be negative"));
		}
		if (Boolean.TRUE.equals(lengthPrior) && chosenObjective != Objective.RANK) {
			errors.add(InputError.field("length_prior", "applies to the rank objective only"));
		}
		List<Architecture> members = members(chosenArchitecture, errors);
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		TrainingSettings settings;
		try {
			settings = TrainingSettings.of(chosenObjective, chosenArchitecture, epochs, learningRate, batchSize,
					validationFraction, seed, lengthPrior, members);
		}
		catch (IllegalArgumentException e) {
			// The engine's messages start with the field's name ("epochs must be ...").
			String message = e.getMessage() == null ? "invalid settings" : e.getMessage();
			String field = message.split(" ", 2)[0];
			throw invalid(List.of(InputError.field(field, message)));
		}
		return new RunSettings(settings, chosenSource);
	}

	/** The members of an ensemble, or null for the default ones. */
	private List<Architecture> members(Architecture chosen, List<InputError> errors) {
		if (ensembleMembers == null) {
			return null;
		}
		try {
			if (chosen != Architecture.ENSEMBLE) {
				throw new IllegalArgumentException("not an ensemble");
			}
			List<Architecture> members = ensembleMembers.stream()
				.map(name -> Architecture.fromApiName(String.valueOf(name).strip()))
				.toList();
			// the engine checks the count and that no member is an ensemble
			return TrainingSettings.builder(Architecture.ENSEMBLE).optMembers(members).build().members();
		}
		catch (IllegalArgumentException e) {
			errors.add(InputError.field("ensemble_members", "must be 1 to " + TrainingSettings.MAX_MEMBERS + " of "
					+ architectures() + " other than \"ensemble\", with \"architecture\": \"ensemble\""));
			return null;
		}
	}

	private static <T> T parse(String field, String value, T fallback, List<InputError> errors,
			java.util.function.Function<String, T> parser, String problem) {
		if (value == null) {
			return fallback;
		}
		try {
			return parser.apply(value.strip());
		}
		catch (IllegalArgumentException e) {
			errors.add(InputError.field(field, problem));
			return fallback;
		}
	}

	private static String architectures() {
		return java.util.Arrays.stream(Architecture.values())
			.map(a -> "\"" + a.apiName() + "\"")
			.collect(Collectors.joining(", "));
	}

	private static InvalidInputException invalid(List<InputError> errors) {
		String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
		return new InvalidInputException(detail, errors);
	}

}
