package org.mashhub.security;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's own authentication filters, placed after Spring Security and told to trust
 * it: one sign-in through Keycloak serves Cockpit, Admin, Tasklist and the engine REST
 * API.
 */
@Configuration
class CamundaWebSecurityConfiguration {

	private static final Map<String, String> TRUST_SPRING_SECURITY = Map.of(
			ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
			SpringSecurityCamundaAuthentication.class.getName());

	@Bean
	FilterRegistrationBean<CamundaWebappAuthenticationFilter> camundaWebappAuthentication() {
		FilterRegistrationBean<CamundaWebappAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new CamundaWebappAuthenticationFilter());
		registration.setInitParameters(TRUST_SPRING_SECURITY);
		registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaEngineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setInitParameters(TRUST_SPRING_SECURITY);
		registration.addUrlPatterns("/engine-rest/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

}
