package dev.deskphone.servlet;

import dev.deskphone.core.server.PhoneEndpoint;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// docs:spring
@Configuration(proxyBeanMethods = false)
class PhoneServletConfiguration {

  @Bean
  ServletRegistrationBean<EndpointServlet> sendUrlServlet(PhoneEndpoint endpoint) {
    // endpoint: any PhoneEndpoint bean, e.g. a SendUrlEndpoint
    return new ServletRegistrationBean<>(new EndpointServlet(endpoint), "/sendurl");
  }
}
// docs:end
