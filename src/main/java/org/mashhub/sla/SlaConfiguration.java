package org.mashhub.sla;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class SlaConfiguration {

	@Bean
	BankHolidays bankHolidays() {
		return BankHolidays.shipped();
	}

}
