package org.ranklab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	/** Committed, so that the README links a diagram that this test keeps current. */
	private static final Path DIAGRAM = Path.of("docs", "modules.md");

	private final ApplicationModules modules = ApplicationModules.of(RankLabApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void everyModuleDeclaresWhatItMayDependOn() {
		assertThat(modules.stream()).allSatisfy(module -> {
			var declared = module.getBasePackage().findAnnotation(ApplicationModule.class);
			assertThat(declared).as("@ApplicationModule in %s/package-info.java", module.getName()).isPresent();
			assertThat(declared.get().allowedDependencies()).as("allowedDependencies of %s", module.getName())
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
		});
	}

	/**
	 * Writes Spring Modulith's documentation (PlantUML, module canvases) to
	 * {@code target/spring-modulith-docs}, and a Mermaid diagram that code hosts render
	 * to {@code docs/modules.md}; fails when the committed diagram was stale, so that the
	 * change gets committed.
	 */
	@Test
	void documentationShowsTheCurrentModules() throws IOException {
		String committed = Files.exists(DIAGRAM) ? Files.readString(DIAGRAM) : "";
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
		String current = mermaid();
		Files.createDirectories(DIAGRAM.getParent());
		Files.writeString(DIAGRAM, current);
		assertThat(current).as("%s was out of date; the test rewrote it: commit it", DIAGRAM).isEqualTo(committed);
	}

	private String mermaid() {
		StringBuilder out = new StringBuilder("""
				# Modules

				Written by `ModularityTests` from the code; do not edit. A solid arrow: the module uses the
				other's published API; a dotted one: it listens to the other's events. The same run writes
				Spring Modulith's PlantUML diagrams and a canvas per module to `target/spring-modulith-docs`.

				```mermaid
				flowchart LR
				""");
		modules.stream().sorted().forEach(module -> {
			out.append("    ").append(module.getName()).append('\n');
			module.getDirectDependencies(modules)
				.stream()
				.collect(Collectors.groupingBy(dependency -> dependency.getTargetModule().getName(), TreeMap::new,
						Collectors.mapping(ApplicationModuleDependency::getDependencyType, Collectors.toSet())))
				.forEach((target, types) -> {
					if (types.contains(DependencyType.EVENT_LISTENER)) {
						out.append("    %s -. events .-> %s%n".formatted(module.getName(), target));
					}
					if (types.contains(DependencyType.USES_COMPONENT) || types.contains(DependencyType.ENTITY)
							|| !types.contains(DependencyType.EVENT_LISTENER)) {
						out.append("    %s --> %s%n".formatted(module.getName(), target));
					}
				});
		});
		return out.append("```\n").toString();
	}

}
