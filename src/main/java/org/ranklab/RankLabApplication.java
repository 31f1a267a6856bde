package org.ranklab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RankLabApplication {

	public static void main(String[] args) {
		SpringApplication.run(RankLabApplication.class, args);
	}

}
