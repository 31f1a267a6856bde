package org.ranklab.training;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Service;

import org.ranklab.project.Projects;
import org.ranklab.training.engine.Architecture;
import org.ranklab.training.engine.HuggingFaceExport;
import org.ranklab.training.engine.PromptResponses;
import org.ranklab.training.engine.RewardModel;
import org.ranklab.web.InvalidInputException;
import org.ranklab.web.NotFoundException;

/**
 * Finds stored reward models and scores responses with them (loaded once, then cached).
 */
@Service
class RewardModels {

	private final RewardModelStore store;

	private final RewardModelCache cache;

	private final Projects projects;

	private final ScoringSettings limits;

	private final Map<Long, Long> projectOfModel = new ConcurrentHashMap<>();

	/**
	 * Scoring runs concurrently (no lock per model), on a few threads of its own: as many
	 * as {@code ranklab.scoring.concurrency} (one per core by default). Each forward pass
	 * holds its batch's activations in native memory (hundreds of MB for a finetuned
	 * batch), and more passes than cores only share the cores while they all hold theirs
	 * (32 unbounded finetuned clients took 12 GB in bench/scoring). And the same few
	 * threads keep PyTorch's per-thread state warm, which a request thread of Tomcat's
	 * large pool does not: a single client of the transformer got a fifth of the bare
	 * forward pass's rate when its requests ran the network themselves.
	 */
	private final ExecutorService forwardThreads;

	RewardModels(RewardModelStore store, RewardModelCache cache, Projects projects, ScoringSettings limits) {
		this.store = store;
		this.cache = cache;
		this.projects = projects;
		this.limits = limits;
		AtomicInteger threads = new AtomicInteger();
		this.forwardThreads = Executors.newFixedThreadPool(limits.forwardPasses(), work -> {
			Thread thread = new Thread(work, "scoring-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * The model's project, remembered: a model never moves, and scoring asks on every
	 * call. {@code 404} for an unknown model.
	 */
	long projectOf(long id) {
		Long project = projectOfModel.get(id);
		if (project == null) {
			project = Long.parseLong(get(id).projectId());
			projectOfModel.put(id, project);
		}
		return project;
	}

	RewardModelInfo get(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("reward model", id));
	}

	List<RewardModelInfo> recent(long projectId, int limit) {
		projects.get(projectId);
		return store.recent(projectId, limit);
	}

	byte[] artifact(long id) {
		return store.artifact(id).orElseThrow(() -> new NotFoundException("reward model", id));
	}

	/**
	 * The stored artifact of a model that has a Hugging Face form; {@code 400} naming the
	 * architectures that have one otherwise.
	 */
	byte[] huggingFaceSource(long id) {
		Architecture architecture = get(id).architecture();
		if (!HuggingFaceExport.ARCHITECTURES.contains(architecture)) {
			throw InvalidInputException.ofField("format",
					"format=hf is only available for "
							+ HuggingFaceExport.ARCHITECTURES.stream().map(Architecture::apiName).toList()
							+ " models; this one is " + architecture.apiName());
		}
		return artifact(id);
	}

	/**
	 * The project's newest model (of a run that succeeded: only those store one), or a
	 * 404.
	 */
	long newest(long projectId) {
		projects.get(projectId);
		return store.newest(projectId).orElseThrow(() -> new NotFoundException("reward model of project", projectId));
	}

	/**
	 * The scores of each prompt's responses, in the request's order.
	 */
	List<double[]> score(long id, ScoreRequest request) {
		List<PromptResponses> items = request.validated(limits);
		return with(id, model -> model.scoreAll(items));
	}

	/** Scores of validated items with the model, in order. */
	List<double[]> scoreAll(long id, List<PromptResponses> items) {
		return with(id, model -> model.scoreAll(items));
	}

	/** Applies {@code use} to the loaded model (cached). */
	<T> T with(long id, Function<RewardModel, T> use) {
		return cache.with(id, this::load, model -> onForwardThread(() -> use.apply(model)));
	}

	private <T> T onForwardThread(Callable<T> work) {
		Future<T> result = forwardThreads.submit(work);
		try {
			return result.get();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (e.getCause() instanceof Error cause) {
				throw cause;
			}
			throw new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while scoring", e);
		}
	}

	@PreDestroy
	void stop() {
		forwardThreads.shutdownNow();
	}

	private RewardModel load(long id) {
		return RewardModel.load(artifact(id));
	}

}
