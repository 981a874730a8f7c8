package io.chainlens;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ChainlensApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChainlensApplication.class, args);
	}

}
