package dev.deskphone.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** The Spring Boot registration of docs/servlet.md, checked without starting Spring. */
class PhoneServletConfigurationTest {

  @Test
  void registersAnEndpointServletForTheEndpointAtSendUrl() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();

    ServletRegistrationBean<EndpointServlet> registration =
        new PhoneServletConfiguration().sendUrlServlet(endpoint);

    assertThat(registration.getUrlMappings()).containsExactly("/sendurl");
    assertThat(registration.getServlet()).isInstanceOf(EndpointServlet.class);
    // The registered servlet serves that endpoint, at that mapping.
    try (EndpointHost.Hosted hosted = JettyHost.serve(registration.getServlet(), "/sendurl")) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(hosted.uri().resolve("sendurl?symbn=Door"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(endpoint.onlyRequest().target()).isEqualTo("/sendurl?symbn=Door");
    }
  }
}
