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
	private static final Path DOCS = Path.of("docs", "modules");

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
	 * Writes Spring Modulith's documentation (PlantUML, module canvases) and a Mermaid
	 * diagram that code hosts render, then fails when the committed diagram was stale so
	 * that the change gets committed.
	 */
	@Test
	void documentationShowsTheCurrentModules() throws IOException {
		Path diagram = DOCS.resolve("modules.md");
		String committed = Files.exists(diagram) ? Files.readString(diagram) : "";
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		String current = mermaid();
		Files.writeString(diagram, current);
		assertThat(current).as("%s was out of date; the test rewrote it: commit it", diagram).isEqualTo(committed);
	}

	private String mermaid() {
		StringBuilder out = new StringBuilder(
				"""
						# Modules

						Written by `ModularityTests` from the code (`./mvnw test -Dtest=ModularityTests`); do not edit.
						A solid arrow: the module uses the other's published API; a dotted one: it listens to the
						other's events (and reads them). The PlantUML files and module canvases beside this file come from Spring
						Modulith's `Documenter`.

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
