package org.ranklab.training.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Loads DJL's PyTorch engine offline, from the native library inside the
 * pytorch-native-cpu jar, with a bounded number of threads. Must run before anything else
 * touches DJL: the system properties are read once.
 */
final class NativeEngine {

	private static volatile Engine engine;

	private NativeEngine() {
	}

	static Engine get() {
		Engine loaded = engine;
		if (loaded == null) {
			synchronized (NativeEngine.class) {
				if (engine == null) {
					System.setProperty("ai.djl.offline", "true");
					int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
					System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
					System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
					// no TorchScript graph optimiser: we never load TorchScript, and it
					// only logs a warning
					System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
					engine = Engine.getEngine("PyTorch");
				}
				loaded = engine;
			}
		}
		return loaded;
	}

	/**
	 * Where training runs: the GPU when the loaded libtorch is a CUDA build that finds
	 * one (see the README's "Training on a GPU"), else the CPU. Scoring follows it
	 * through {@link Engine#newBaseManager()}.
	 */
	static Device device() {
		return get().defaultDevice();
	}

	/** Bounds the intra-op threads that the calling thread's native operations use. */
	static void useThreads(int threads) {
		get();
		JniUtils.setNumThreads(threads);
	}

}
