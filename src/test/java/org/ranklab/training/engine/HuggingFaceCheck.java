package org.ranklab.training.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * bench/scoring/hf_check.sh: trains a tiny finetuned model, exports it as the
 * {@code format=hf} download does ({@link HuggingFaceExport#write}), scores 100
 * prompt/response pairs with RankLab, and has {@code bench/scoring/hf_check.py} score
 * them from the exported files in plain PyTorch. Prints the largest absolute difference.
 * Args: {@code dir=} where to put the files (default a temporary directory),
 * {@code python=} the interpreter with PyTorch (default Debian's
 * {@code /usr/bin/python3}).
 */
public final class HuggingFaceCheck {

	private static final List<String> TEXTS = List.of("How do I bake bread without yeast?",
			"Mix flour, water and salt; let it rest overnight.\n\nThen bake at 230 °C for 40 minutes.",
			"Je ne sais pas, désolé. Ça dépend du contexte !",
			"Stock markets fell sharply on Tuesday after the report.", "我们可以讨论这个问题吗？",
			"The answer is 42 (see: https://example.org/a?b=c&d=e).", "don't panic -- it's fine... really!!!",
			"Überprüfen Sie die Größe: naïve café façade.", "Line one\r\nline two\rline three\n   \n", "", "ok",
			"supercalifragilisticexpialidocious antidisestablishment", "def f(x):\n    return x ** 2  # square",
			"Ελληνικά και русский текст, 日本語のテキスト。", "Emoji are not in the vocabulary 😀 but end up as [UNK].",
			"a\tb\u00a0c\u2003d", "THE QUICK BROWN FOX jumps over the lazy dog, 1,234.56 times.");

	private HuggingFaceCheck() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] kv = arg.split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "");
		}
		Path dir = options.containsKey("dir") ? Path.of(options.get("dir"))
				: Files.createTempDirectory("ranklab-hf-check");
		List<RankedGroup> groups = SyntheticRankings.groups(80, 3, 11)
			.stream()
			.filter(g -> !g.orderedPairs().isEmpty())
			.toList();
		TrainingSettings tiny = TrainingSettings.builder(Architecture.FINETUNED)
			.optLayers(2)
			.optFrozenLayers(1)
			.optMaxTokens(16, 48)
			.optLearningRate(1e-3)
			.optEpochs(2)
			.optBatchSize(8)
			.optValidationFraction(0.25)
			// the export folds the prior into the head's feature weights: said here, so
			// that the check covers it whatever the default
			.optLengthPrior(true)
			.build();
		TrainingResult trained = new RewardModelTrainer().train(groups, tiny, TrainingMonitor.NONE);
		System.out.println("RESULT trained: val accuracy " + trained.last().valAccuracy());

		Files.createDirectories(dir);
		Path zip = dir.resolve("model-hf.zip");
		try (OutputStream out = Files.newOutputStream(zip)) {
			HuggingFaceExport.write(trained.artifact(), out);
		}
		Path model = dir.resolve("model");
		unzip(zip, model);

		List<Map<String, Object>> pairs = pairs(groups);
		try (RewardModel ranklab = RewardModel.load(trained.artifact())) {
			for (Map<String, Object> pair : pairs) {
				pair.put("score",
						ranklab.score((String) pair.get("prompt"), List.of((String) pair.get("response")))[0]);
			}
		}
		Path pairsFile = dir.resolve("pairs.json");
		Files.write(pairsFile, ModelConfig.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(pairs));
		System.out.println("RESULT files in " + dir + " (zip " + Files.size(zip) + " bytes)");

		Process python = new ProcessBuilder(options.getOrDefault("python", "/usr/bin/python3"),
				"bench/scoring/hf_check.py", model.toString(), pairsFile.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().forEach(line -> System.out.println("RESULT python: " + line));
		}
		System.out.println("RESULT python exit " + python.waitFor());
	}

	/**
	 * 100 pairs: synthetic prompts and candidates like the training data, and texts with
	 * punctuation, accents, CJK, several lines, emoji and lengths beyond the token
	 * limits.
	 */
	private static List<Map<String, Object>> pairs(List<RankedGroup> groups) {
		Random random = new Random(7);
		List<Map<String, Object>> pairs = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String prompt;
			String response;
			if (i % 2 == 0) {
				RankedGroup group = groups.get(random.nextInt(groups.size()));
				prompt = group.prompt();
				response = group.candidates().get(random.nextInt(group.candidates().size())).text();
			}
			else {
				prompt = TEXTS.get(random.nextInt(TEXTS.size()));
				StringBuilder text = new StringBuilder();
				int parts = 1 + random.nextInt(i % 5 == 0 ? 12 : 3);
				for (int p = 0; p < parts; p++) {
					text.append(TEXTS.get(random.nextInt(TEXTS.size()))).append(p % 3 == 2 ? "\n" : " ");
				}
				response = text.toString();
			}
			Map<String, Object> pair = new LinkedHashMap<>();
			pair.put("prompt", prompt);
			pair.put("response", response);
			pairs.add(pair);
		}
		return pairs;
	}

	private static void unzip(Path zip, Path into) throws IOException {
		Files.createDirectories(into);
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Files.copy(in, into.resolve(entry.getName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

}
