package io.stockage.examples.server;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the {@link CurrentSubject} resolver, and sizes Tomcat's reads for large bodies. */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {
  /** Tomcat hands a request body over 8 KB at a time by default; uploads stream megabytes. */
  private static final String READ_BUFFER = Integer.toString(64 * 1024);

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentSubject());
  }

  /** Reads of 64 KB from the socket: an upload's bytes pass through the pipeline in fewer, larger steps. */
  @org.springframework.context.annotation.Bean
  org.springframework.boot.web.server.WebServerFactoryCustomizer<
      org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> largeReads() {
    return factory -> factory.addConnectorCustomizers(connector ->
        connector.setProperty("socket.appReadBufSize", READ_BUFFER));
  }
}
